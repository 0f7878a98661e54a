using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Tests.Footer;

/// <summary>Statistics values rendered for their column's type, where DuckDB's comparisons do not reach.</summary>
public sealed class ParquetValueTextTests
{
    private static ParquetLeafColumn Leaf(ParquetPhysicalType type, ParquetTypeAnnotation? logical = null, ParquetConvertedType? converted = null, int? scale = null) =>
        new(["c"], new ParquetSchemaNode("c", ParquetRepetition.Required, type, []) { LogicalType = logical, ConvertedType = converted, Scale = scale }, 0, 0);

    public static TheoryData<ParquetLeafColumn, byte[], string> Cases() => new()
    {
        // INT96: nanoseconds of the day, then the Julian day (2440589 is 1970-01-02).
        { Leaf(ParquetPhysicalType.Int96), [.. BitConverter.GetBytes(3_600_000_000_001L), .. BitConverter.GetBytes(2_440_589)], "1970-01-02T01:00:00.000000001Z" },
        { Leaf(ParquetPhysicalType.Int32, new(ParquetAnnotationKind.Integer, 10) { BitWidth = 32, IsSigned = false }), BitConverter.GetBytes(-1), "4294967295" },
        { Leaf(ParquetPhysicalType.Int64, converted: ParquetConvertedType.Uint64), BitConverter.GetBytes(-1L), "18446744073709551615" },
        { Leaf(ParquetPhysicalType.FixedLenByteArray, new(ParquetAnnotationKind.Decimal, 5) { Scale = 2, Precision = 5 }), [0xFF, 0x85], "-1.23" },
        { Leaf(ParquetPhysicalType.Int32, converted: ParquetConvertedType.Decimal, scale: 3), BitConverter.GetBytes(5), "0.005" },
        { Leaf(ParquetPhysicalType.FixedLenByteArray, new(ParquetAnnotationKind.Float16, 15)), BitConverter.GetBytes((Half)1.5), "1.5" },
        { Leaf(ParquetPhysicalType.Int64, new(ParquetAnnotationKind.Timestamp, 8) { Unit = "MILLIS", IsAdjustedToUtc = true }), BitConverter.GetBytes(-1L), "1969-12-31T23:59:59.999Z" },
        { Leaf(ParquetPhysicalType.Int64, new(ParquetAnnotationKind.Time, 7) { Unit = "NANOS", IsAdjustedToUtc = false }), BitConverter.GetBytes(3_723_000_000_004L), "01:02:03.000000004" },
        { Leaf(ParquetPhysicalType.ByteArray, new(ParquetAnnotationKind.String, 1)), [0x61, 0xE2, 0x82], "0x61e282" }, // UTF-8 cut in two
        { Leaf(ParquetPhysicalType.Int32), [1, 2, 3], "0x010203" }, // a length that does not fit the type
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_Value_RendersForTheColumnsType(ParquetLeafColumn leaf, byte[] value, string expected) =>
        Assert.Equal(expected, ParquetValueText.Format(leaf, value));
}
