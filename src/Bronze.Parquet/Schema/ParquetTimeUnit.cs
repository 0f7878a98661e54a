namespace Bronze.Parquet.Schema;

/// <summary>The unit of a timestamp column.</summary>
public enum ParquetTimeUnit
{
    /// <summary>Milliseconds.</summary>
    Millis,

    /// <summary>Microseconds.</summary>
    Micros,
}
