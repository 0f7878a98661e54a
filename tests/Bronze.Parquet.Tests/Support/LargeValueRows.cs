using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Tests.Support;

/// <summary>
/// Rows with binary values from empty to about 5x a 64 KiB page (half random, half zeros), between two small columns:
/// pages that fill, overflow and move within row groups.
/// </summary>
internal static class LargeValueRows
{
    public static ParquetSchema Schema { get; } = new([
        new ParquetColumn("seq", ParquetPhysicalType.Int64),
        new ParquetColumn("xdr", ParquetPhysicalType.ByteArray, Statistics: false),
        new ParquetColumn("length", ParquetPhysicalType.Int32),
    ]);

    public static List<object?[]> Generate(int count)
    {
        var random = new Random(7);
        List<object?[]> rows = [];
        for (int i = 0; i < count; i++)
        {
            byte[] value = new byte[random.Next(10) == 0 ? random.Next(0, 320_000) : random.Next(0, 20_000)];
            random.NextBytes(value.AsSpan(0, value.Length / 2));
            rows.Add([(long)i, value, value.Length]);
        }

        return rows;
    }
}
