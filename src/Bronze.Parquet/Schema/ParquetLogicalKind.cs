namespace Bronze.Parquet.Schema;

/// <summary>The logical types Bronze writes (a subset of the Parquet format's LogicalType union).</summary>
public enum ParquetLogicalKind
{
    /// <summary>UTF-8 text in a BYTE_ARRAY column.</summary>
    String,

    /// <summary>An instant or local date-time counted in <see cref="ParquetTimeUnit"/> since the Unix epoch, in INT64.</summary>
    Timestamp,

    /// <summary>An integer of <see cref="ParquetLogicalType.BitWidth"/> bits, signed or not, in INT32 or INT64.</summary>
    Integer,
}
