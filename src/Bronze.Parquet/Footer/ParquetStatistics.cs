namespace Bronze.Parquet.Footer;

/// <summary>A column chunk's statistics as the footer stores them (min/max PLAIN-encoded, without length prefix).</summary>
/// <param name="NullCount">Nulls in the chunk, when recorded.</param>
/// <param name="MinValue">The smallest value in the column's sort order, when recorded.</param>
/// <param name="MaxValue">The largest value in the column's sort order, when recorded.</param>
/// <param name="DistinctCount">Distinct values, when recorded (Bronze does not).</param>
public sealed record ParquetStatistics(long? NullCount, byte[]? MinValue, byte[]? MaxValue, long? DistinctCount = null)
{
    /// <summary>
    /// The deprecated <c>min</c> field (older writers): ordered as signed bytes, so it is trustworthy only for
    /// numeric columns. Null when absent.
    /// </summary>
    public byte[]? LegacyMinValue { get; init; }

    /// <summary>The deprecated <c>max</c> field; see <see cref="LegacyMinValue"/>.</summary>
    public byte[]? LegacyMaxValue { get; init; }

    /// <summary>Whether <see cref="MinValue"/> is a value of the column rather than a truncated bound, when recorded.</summary>
    public bool? IsMinValueExact { get; init; }

    /// <summary>Whether <see cref="MaxValue"/> is a value of the column rather than a truncated bound, when recorded.</summary>
    public bool? IsMaxValueExact { get; init; }
}
