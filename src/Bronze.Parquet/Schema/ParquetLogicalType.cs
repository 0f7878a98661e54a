namespace Bronze.Parquet.Schema;

/// <summary>
/// What a column's physical values mean. Create with <see cref="String"/>, <see cref="Timestamp"/> or
/// <see cref="Integer"/>; the writer also records the matching legacy converted type for older readers.
/// </summary>
/// <param name="Kind">The logical type.</param>
/// <param name="BitWidth">For <see cref="ParquetLogicalKind.Integer"/>: 8, 16, 32 or 64; otherwise 0.</param>
/// <param name="IsSigned">For <see cref="ParquetLogicalKind.Integer"/>: whether the integer is signed.</param>
/// <param name="Unit">For <see cref="ParquetLogicalKind.Timestamp"/>: the unit.</param>
/// <param name="IsAdjustedToUtc">For <see cref="ParquetLogicalKind.Timestamp"/>: an instant (true) or a local time.</param>
public sealed record ParquetLogicalType(
    ParquetLogicalKind Kind,
    int BitWidth = 0,
    bool IsSigned = true,
    ParquetTimeUnit Unit = ParquetTimeUnit.Millis,
    bool IsAdjustedToUtc = true)
{
    /// <summary>UTF-8 text (BYTE_ARRAY).</summary>
    public static ParquetLogicalType String { get; } = new(ParquetLogicalKind.String);

    /// <summary>A timestamp (INT64).</summary>
    /// <param name="unit">Milliseconds or microseconds.</param>
    /// <param name="isAdjustedToUtc">True (the default) for instants in UTC.</param>
    public static ParquetLogicalType Timestamp(ParquetTimeUnit unit, bool isAdjustedToUtc = true) =>
        new(ParquetLogicalKind.Timestamp, Unit: unit, IsAdjustedToUtc: isAdjustedToUtc);

    /// <summary>An integer of a given width and signedness (INT32 for widths up to 32, INT64 for 64).</summary>
    /// <param name="bitWidth">8, 16, 32 or 64.</param>
    /// <param name="isSigned">Whether it is signed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bitWidth"/> is not 8, 16, 32 or 64.</exception>
    public static ParquetLogicalType Integer(int bitWidth, bool isSigned)
    {
        if (bitWidth is not (8 or 16 or 32 or 64)) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "Must be 8, 16, 32 or 64.");
        return new(ParquetLogicalKind.Integer, bitWidth, isSigned);
    }
}
