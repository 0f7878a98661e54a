using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Tests.Support;

/// <summary>A schema with every type Bronze writes, required and nullable, and rows for it.</summary>
internal static class TestSchemas
{
    public static ParquetSchema AllTypes(bool dictionary = false) => new([
        new ParquetColumn("i64", ParquetPhysicalType.Int64, Dictionary: dictionary),
        new ParquetColumn("i32_null", ParquetPhysicalType.Int32, IsNullable: true, Dictionary: dictionary),
        new ParquetColumn("i8", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(8, isSigned: true)),
        new ParquetColumn("u16", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(16, isSigned: false)),
        new ParquetColumn("u32", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(32, isSigned: false)),
        new ParquetColumn("u64", ParquetPhysicalType.Int64, IsNullable: true, LogicalType: ParquetLogicalType.Integer(64, isSigned: false)),
        new ParquetColumn("flag", ParquetPhysicalType.Boolean, IsNullable: true),
        new ParquetColumn("real", ParquetPhysicalType.Double, IsNullable: true, Dictionary: dictionary),
        new ParquetColumn("text", ParquetPhysicalType.ByteArray, IsNullable: true, LogicalType: ParquetLogicalType.String, Dictionary: dictionary),
        new ParquetColumn("blob", ParquetPhysicalType.ByteArray, Dictionary: dictionary),
        new ParquetColumn("fixed", ParquetPhysicalType.FixedLenByteArray, IsNullable: true, TypeLength: 5, Dictionary: dictionary),
        new ParquetColumn("ts_ms", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis)),
        new ParquetColumn("ts_us", ParquetPhysicalType.Int64, IsNullable: true, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Micros), Dictionary: dictionary),
    ]);

    /// <summary>Deterministic rows for <see cref="AllTypes"/>; <paramref name="distinct"/> bounds the distinct values per column.</summary>
    public static List<object?[]> AllTypesRows(int count, int distinct = int.MaxValue, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<object?[]>(count);
        for (int i = 0; i < count; i++)
        {
            int k = distinct == int.MaxValue ? random.Next() : random.Next(distinct);
            var ts = DateTimeOffset.UnixEpoch.AddMilliseconds(1_700_000_000_000L + (k * 1000L));
            rows.Add([
                (long)k * 1_000_003L - 5_000_000_000L,
                k % 5 == 0 ? null : k - 1000,
                (int)(sbyte)k,
                k % 65536,
                k * 3,
                k % 7 == 0 ? null : (long)k * -977L,
                k % 3 == 0 ? null : k % 2 == 0,
                k % 11 == 0 ? null : (k % 13 == 0 ? double.NaN : k / 7.0 - 3),
                k % 9 == 0 ? null : $"text é {k} 😀",
                Enumerable.Range(0, k % 40).Select(j => (byte)(j * k)).ToArray(),
                k % 4 == 0 ? null : BitConverter.GetBytes(k)[..4].Append((byte)7).ToArray(),
                ts,
                k % 6 == 0 ? null : ts.AddTicks(10 * (k % 1000)),
            ]);
        }

        return rows;
    }
}
