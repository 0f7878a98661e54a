namespace Bronze.Parquet.Footer;

/// <summary>
/// The members of the Parquet format's LogicalType union; the values are their field ids. <see cref="Other"/> stands
/// for a member this reader does not know (a newer format version), which is kept rather than rejected.
/// </summary>
public enum ParquetAnnotationKind
{
    /// <summary>A union member this reader does not know.</summary>
    Other = 0,

    /// <summary>UTF-8 text.</summary>
    String = 1,

    /// <summary>A map group.</summary>
    Map = 2,

    /// <summary>A list group.</summary>
    List = 3,

    /// <summary>An enum stored as text.</summary>
    Enum = 4,

    /// <summary>A decimal (<see cref="ParquetTypeAnnotation.Precision"/>, <see cref="ParquetTypeAnnotation.Scale"/>).</summary>
    Decimal = 5,

    /// <summary>Days since the Unix epoch.</summary>
    Date = 6,

    /// <summary>A time of day in <see cref="ParquetTypeAnnotation.Unit"/>.</summary>
    Time = 7,

    /// <summary>A point in time in <see cref="ParquetTypeAnnotation.Unit"/> since the Unix epoch.</summary>
    Timestamp = 8,

    /// <summary>An integer of <see cref="ParquetTypeAnnotation.BitWidth"/> bits.</summary>
    Integer = 10,

    /// <summary>Always null (the format calls it UNKNOWN).</summary>
    Null = 11,

    /// <summary>JSON text.</summary>
    Json = 12,

    /// <summary>BSON bytes.</summary>
    Bson = 13,

    /// <summary>A 16-byte UUID.</summary>
    Uuid = 14,

    /// <summary>A half-precision float in 2 bytes.</summary>
    Float16 = 15,

    /// <summary>A semi-structured variant group.</summary>
    Variant = 16,

    /// <summary>Geometry in well-known binary.</summary>
    Geometry = 17,

    /// <summary>Geography in well-known binary.</summary>
    Geography = 18,
}
