using System.Text;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using FsCheck;
using FsCheck.Fluent;

namespace Bronze.Parquet.Tests.Support;

/// <summary>FsCheck generators of random flat tables: schema, rows (with edge values) and writer options.</summary>
internal static class RandomTables
{
    private static readonly ParquetColumn[] Kinds =
    [
        new("c", ParquetPhysicalType.Boolean),
        new("c", ParquetPhysicalType.Int32),
        new("c", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(8, true)),
        new("c", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(16, false)),
        new("c", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(32, false)),
        new("c", ParquetPhysicalType.Int64),
        new("c", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Integer(64, false)),
        new("c", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis)),
        new("c", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Micros)),
        new("c", ParquetPhysicalType.Double),
        new("c", ParquetPhysicalType.ByteArray),
        new("c", ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String),
        new("c", ParquetPhysicalType.FixedLenByteArray, TypeLength: 1),
        new("c", ParquetPhysicalType.FixedLenByteArray, TypeLength: 16),
    ];

    public static Arbitrary<Table> Tables(int maxRows) =>
        (from columns in Gen.NonEmptyListOf(ColumnGen()).Select(l => l.Take(8).ToList())
         from rowCount in Gen.Choose(0, maxRows)
         from seed in Gen.Choose(0, int.MaxValue)
         from distinct in Gen.Elements(2, 20, int.MaxValue)
         from codec in Gen.Elements(Enum.GetValues<ParquetCodec>())
         from pageSize in Gen.Elements(1024, 4096, 1 << 20)
         from rowLimit in Gen.Elements<long?>(1, 7, 100, null)
         from dictionaryLimit in Gen.Elements(0, 64, 1 << 20)
         let schema = new ParquetSchema(columns.Select((c, i) => c with { Name = $"c{i}" }))
         select new Table(
             schema,
             Rows(schema, rowCount, seed, distinct),
             new ParquetWriterOptions
             {
                 Codec = codec,
                 PageSize = pageSize,
                 RowGroupRowLimit = rowLimit,
                 DictionaryPageSizeLimit = dictionaryLimit,
             })).ToArbitrary();

    private static Gen<ParquetColumn> ColumnGen() =>
        from kind in Gen.Elements(Kinds)
        from nullable in Gen.Elements(false, true)
        from dictionary in Gen.Elements(false, true)
        select kind with { IsNullable = nullable, Dictionary = dictionary };

    private static List<object?[]> Rows(ParquetSchema schema, int count, int seed, int distinct)
    {
        var random = new Random(seed);
        var rows = new List<object?[]>(count);
        for (int r = 0; r < count; r++)
        {
            rows.Add([.. schema.Columns.Select(c => c.IsNullable && random.Next(4) == 0 ? null : Value(c, new Random(random.Next(distinct))))]);
        }

        return rows;
    }

    private static object Value(ParquetColumn column, Random random)
    {
        int pick = random.Next(10);
        return column switch
        {
            { PhysicalType: ParquetPhysicalType.Boolean } => random.Next(2) == 0,
            { LogicalType: { Kind: ParquetLogicalKind.Integer, BitWidth: 8 } } => pick == 0 ? -128 : pick == 1 ? 127 : random.Next(-128, 128),
            { LogicalType: { Kind: ParquetLogicalKind.Integer, BitWidth: 16 } } => pick == 0 ? 65535 : random.Next(0, 65536),
            { PhysicalType: ParquetPhysicalType.Int32 } => pick == 0 ? int.MinValue : pick == 1 ? int.MaxValue : random.Next(int.MinValue, int.MaxValue),
            { LogicalType.Kind: ParquetLogicalKind.Timestamp, LogicalType.Unit: ParquetTimeUnit.Millis } =>
                DateTimeOffset.UnixEpoch.AddMilliseconds(random.NextInt64(-10_000_000_000_000, 100_000_000_000_000)),
            { LogicalType.Kind: ParquetLogicalKind.Timestamp } =>
                DateTimeOffset.UnixEpoch.AddTicks(10 * random.NextInt64(-10_000_000_000_000_000, 100_000_000_000_000_000)),
            { PhysicalType: ParquetPhysicalType.Int64 } => pick == 0 ? long.MinValue : pick == 1 ? long.MaxValue : random.NextInt64(long.MinValue, long.MaxValue),
            { PhysicalType: ParquetPhysicalType.Double } => pick switch
            {
                0 => double.NaN,
                1 => double.NegativeInfinity,
                2 => -0.0,
                3 => double.MaxValue,
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            },
            { PhysicalType: ParquetPhysicalType.FixedLenByteArray } => Bytes(random, column.TypeLength!.Value),
            { LogicalType.Kind: ParquetLogicalKind.String } => Text(random),
            _ => Bytes(random, pick == 0 ? 0 : random.Next(0, pick == 1 ? 3000 : 40)),
        };
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Text(Random random)
    {
        string[] pieces = ["", "a", "Z", "é", "日本", "😀", "\u0000", " ", "longer piece of text "];
        var builder = new StringBuilder();
        int count = random.Next(0, 8);
        for (int i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
        return builder.ToString();
    }

    /// <summary>A random table and the options to write it with.</summary>
    internal sealed record Table(ParquetSchema Schema, List<object?[]> Rows, ParquetWriterOptions Options)
    {
        public override string ToString() =>
            $"{Rows.Count} rows, {Options.Codec}, page {Options.PageSize}, row limit {Options.RowGroupRowLimit}, dictionary limit " +
            $"{Options.DictionaryPageSizeLimit}, columns: {string.Join(", ", Schema.Columns.Select(c => $"{c.PhysicalType}/{c.LogicalType?.Kind}{(c.IsNullable ? "?" : "")}{(c.Dictionary ? " dict" : "")}"))}";
    }
}
