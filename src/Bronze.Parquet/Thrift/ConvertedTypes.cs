using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>The legacy ConvertedType numbers that match Bronze's logical types, for readers older than LogicalType.</summary>
internal static class ConvertedTypes
{
    private const int Utf8 = 0;
    private const int TimestampMillis = 9;
    private const int TimestampMicros = 10;
    private const int Uint8 = 11;
    private const int Int8 = 15;

    /// <summary>The converted type, or null where none matches (local timestamps have no legacy equivalent).</summary>
    public static int? From(ParquetLogicalType logical) => logical.Kind switch
    {
        ParquetLogicalKind.String => Utf8,
        ParquetLogicalKind.Timestamp when !logical.IsAdjustedToUtc => null,
        ParquetLogicalKind.Timestamp => logical.Unit == ParquetTimeUnit.Millis ? TimestampMillis : TimestampMicros,
        ParquetLogicalKind.Integer => (logical.IsSigned ? Int8 : Uint8) + int.Log2(logical.BitWidth / 8),
        _ => null,
    };

    /// <summary>The logical type a legacy converted type stands for, or null when Bronze has none for it.</summary>
    public static ParquetLogicalType? ToLogical(int converted) => converted switch
    {
        Utf8 => ParquetLogicalType.String,
        TimestampMillis => ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis),
        TimestampMicros => ParquetLogicalType.Timestamp(ParquetTimeUnit.Micros),
        >= Uint8 and < Int8 => ParquetLogicalType.Integer(8 << (converted - Uint8), isSigned: false),
        >= Int8 and <= Int8 + 3 => ParquetLogicalType.Integer(8 << (converted - Int8), isSigned: true),
        _ => null,
    };
}
