namespace Bronze.Parquet.Footer;

/// <summary>The legacy type annotations (deprecated by LogicalType, still written); values are the format's ConvertedType numbers.</summary>
public enum ParquetConvertedType
{
    /// <summary>UTF-8 text.</summary>
    Utf8 = 0,

    /// <summary>A map group.</summary>
    Map = 1,

    /// <summary>The repeated key-value group inside a map.</summary>
    MapKeyValue = 2,

    /// <summary>A list group.</summary>
    List = 3,

    /// <summary>An enum stored as text.</summary>
    Enum = 4,

    /// <summary>A decimal with the element's scale and precision.</summary>
    Decimal = 5,

    /// <summary>Days since the Unix epoch.</summary>
    Date = 6,

    /// <summary>Milliseconds since midnight.</summary>
    TimeMillis = 7,

    /// <summary>Microseconds since midnight.</summary>
    TimeMicros = 8,

    /// <summary>Milliseconds since the Unix epoch, UTC.</summary>
    TimestampMillis = 9,

    /// <summary>Microseconds since the Unix epoch, UTC.</summary>
    TimestampMicros = 10,

    /// <summary>An unsigned 8-bit integer.</summary>
    Uint8 = 11,

    /// <summary>An unsigned 16-bit integer.</summary>
    Uint16 = 12,

    /// <summary>An unsigned 32-bit integer.</summary>
    Uint32 = 13,

    /// <summary>An unsigned 64-bit integer.</summary>
    Uint64 = 14,

    /// <summary>A signed 8-bit integer.</summary>
    Int8 = 15,

    /// <summary>A signed 16-bit integer.</summary>
    Int16 = 16,

    /// <summary>A signed 32-bit integer.</summary>
    Int32 = 17,

    /// <summary>A signed 64-bit integer.</summary>
    Int64 = 18,

    /// <summary>JSON text.</summary>
    Json = 19,

    /// <summary>BSON bytes.</summary>
    Bson = 20,

    /// <summary>A 12-byte interval (months, days, milliseconds).</summary>
    Interval = 21,
}
