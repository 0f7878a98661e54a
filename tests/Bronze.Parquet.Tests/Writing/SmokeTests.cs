using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Writing;

public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke()
    {
        var schema = new ParquetSchema([
            new ParquetColumn("id", ParquetPhysicalType.Int64),
            new ParquetColumn("name", ParquetPhysicalType.ByteArray, IsNullable: true, LogicalType: ParquetLogicalType.String, Dictionary: true),
            new ParquetColumn("n", ParquetPhysicalType.Int32, IsNullable: true),
            new ParquetColumn("flag", ParquetPhysicalType.Boolean),
        ]);
        await using var file = new TempFile();
        var rows = Enumerable.Range(0, 1000).Select(i => new object?[] { (long)i, i % 7 == 0 ? null : $"n{i % 5}", i % 3 == 0 ? null : i, i % 2 == 0 });
        await ParquetFiles.WriteAsync(file.Path, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed, PageSize = 1024, RowGroupRowLimit = 300 });
        var result = await DuckDb.QueryAsync($"select count(*) c, sum(id) s, count(name) cn, string_agg(distinct name, ',' order by name) nm, sum(n) sn, count(n) cnn, sum(flag::int) f from read_parquet({DuckDb.Literal(file.Path)})", TestContext.Current.CancellationToken);
        Assert.Equal("", result[0].ToJsonString());
    }
}
