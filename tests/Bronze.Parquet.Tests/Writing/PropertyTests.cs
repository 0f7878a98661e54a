using System.Buffers.Binary;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Bronze.Parquet.Tests.Writing;

/// <summary>FsCheck properties over random schemas, values and options.</summary>
public sealed class PropertyTests
{
    [Fact]
    public void WriteAsync_RandomTables_FooterRoundTrips()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(RandomTables.Tables(maxRows: 400), table =>
        {
            // Act
            byte[] bytes = ParquetFiles.WriteBytesAsync(table.Schema, table.Rows, table.Options).GetAwaiter().GetResult();
            ParquetFileInfo info = ParquetFooterReader.ReadAsync(new MemoryStream(bytes)).GetAwaiter().GetResult();

            // Assert
            Assert.Equal(table.Rows.Count, info.RowCount);
            Assert.Equal(table.Schema.Columns.Select(c => c with { Dictionary = false, Statistics = true }), info.Schema.Columns);
            Assert.Equal(table.Rows.Count, info.RowGroups.Sum(g => g.RowCount));
            int first = 0;
            foreach (ParquetRowGroupInfo group in info.RowGroups)
            {
                List<object?[]> rows = table.Rows.GetRange(first, (int)group.RowCount);
                first += (int)group.RowCount;
                for (int c = 0; c < table.Schema.Columns.Count; c++)
                {
                    ParquetColumnChunkInfo chunk = group.Columns[c];
                    Assert.Equal(group.RowCount, chunk.ValueCount);
                    Assert.Equal(table.Options.Codec, chunk.Codec);
                    Assert.Equal(rows.Count(r => r[c] is null), chunk.Statistics!.NullCount);
                    AssertIntegerMinMax(table.Schema.Columns[c], rows.Select(r => r[c]).OfType<object>().ToList(), chunk.Statistics);
                }
            }
        }));
    }

    [Fact]
    public void WriteAsync_RandomTablesSample_DuckDbReadsSameValues()
    {
        _ = Bronze.Testing.TestServer.Require(Bronze.Testing.DuckDb.Variable, "DuckDB (tools/duckdb)");
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Prop.ForAll(RandomTables.Tables(maxRows: 300), table =>
        {
            string path = Path.Combine(Path.GetTempPath(), $"bronze-property-{Guid.NewGuid():N}.parquet");
            try
            {
                ParquetFiles.WriteAsync(path, table.Schema, table.Rows, table.Options).GetAwaiter().GetResult();
                DuckDbAssert.RowsEqualAsync(path, table.Schema, table.Rows).GetAwaiter().GetResult();
            }
            finally
            {
                File.Delete(path);
            }
        }));
    }

    private static void AssertIntegerMinMax(ParquetColumn column, List<object> values, ParquetStatistics statistics)
    {
        if (values.Count == 0 || column.LogicalType is not null && column.LogicalType.Kind != ParquetLogicalKind.Integer) return;
        bool unsigned = column.LogicalType is { IsSigned: false };
        switch (column.PhysicalType)
        {
            case ParquetPhysicalType.Int32 when unsigned:
                Assert.Equal(values.Min(v => (uint)(int)v), BinaryPrimitives.ReadUInt32LittleEndian(statistics.MinValue));
                Assert.Equal(values.Max(v => (uint)(int)v), BinaryPrimitives.ReadUInt32LittleEndian(statistics.MaxValue));
                break;
            case ParquetPhysicalType.Int32:
                Assert.Equal(values.Min(v => (int)v), BinaryPrimitives.ReadInt32LittleEndian(statistics.MinValue));
                Assert.Equal(values.Max(v => (int)v), BinaryPrimitives.ReadInt32LittleEndian(statistics.MaxValue));
                break;
            case ParquetPhysicalType.Int64 when unsigned:
                Assert.Equal(values.Min(v => (ulong)(long)v), BinaryPrimitives.ReadUInt64LittleEndian(statistics.MinValue));
                Assert.Equal(values.Max(v => (ulong)(long)v), BinaryPrimitives.ReadUInt64LittleEndian(statistics.MaxValue));
                break;
            case ParquetPhysicalType.Int64:
                Assert.Equal(values.Min(v => (long)v), BinaryPrimitives.ReadInt64LittleEndian(statistics.MinValue));
                Assert.Equal(values.Max(v => (long)v), BinaryPrimitives.ReadInt64LittleEndian(statistics.MaxValue));
                break;
        }
    }
}
