namespace Bronze.Parquet.Schema;

/// <summary>How a column's values are stored; the values are the Parquet format's Type numbers.</summary>
public enum ParquetPhysicalType
{
    /// <summary>One bit per value.</summary>
    Boolean = 0,

    /// <summary>A 32-bit signed integer (also narrower and unsigned integers by logical type).</summary>
    Int32 = 1,

    /// <summary>A 64-bit signed integer (also timestamps by logical type).</summary>
    Int64 = 2,

    /// <summary>A legacy 96-bit timestamp: read from other writers' footers, never written by Bronze.</summary>
    Int96 = 3,

    /// <summary>A 32-bit IEEE 754 float: read from other writers' footers, never written by Bronze.</summary>
    Float = 4,

    /// <summary>A 64-bit IEEE 754 float.</summary>
    Double = 5,

    /// <summary>A variable-length byte string (binary, or UTF-8 text with the string logical type).</summary>
    ByteArray = 6,

    /// <summary>A byte string of the column's fixed length (<see cref="ParquetColumn.TypeLength"/>).</summary>
    FixedLenByteArray = 7,
}
