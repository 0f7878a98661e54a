namespace Bronze.Parquet.Footer;

/// <summary>A column chunk's statistics as the footer stores them (min/max PLAIN-encoded, without length prefix).</summary>
/// <param name="NullCount">Nulls in the chunk, when recorded.</param>
/// <param name="MinValue">The smallest value in the column's sort order, when recorded.</param>
/// <param name="MaxValue">The largest value in the column's sort order, when recorded.</param>
/// <param name="DistinctCount">Distinct values, when recorded (Bronze does not).</param>
public sealed record ParquetStatistics(long? NullCount, byte[]? MinValue, byte[]? MaxValue, long? DistinctCount = null);
