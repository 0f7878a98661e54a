using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

/// <summary>DuckDB, an independent reader, reads back exactly the values written.</summary>
public sealed class DuckDbReadBackTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteAsync_EveryTypeAndNullability_DuckDbReadsSameValues(bool dictionary)
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes(dictionary);
        List<object?[]> rows = TestSchemas.AllTypesRows(3000, distinct: dictionary ? 50 : int.MaxValue);
        await using var file = new TempFile();

        // Act
        await ParquetFiles.WriteAsync(file.Path, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });

        // Assert
        await DuckDbAssert.RowsEqualAsync(file.Path, schema, rows);
    }

    [Fact]
    public async Task WriteAsync_SmallPagesAndRowGroups_DuckDbReadsSameValues()
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes(dictionary: true);
        List<object?[]> rows = TestSchemas.AllTypesRows(5000, distinct: 300);
        await using var file = new TempFile();
        var options = new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed, PageSize = 1024, RowGroupSize = 64 << 10, DictionaryPageSizeLimit = 2048 };

        // Act
        var info = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);

        // Assert
        Assert.True(info.RowGroups.Count > 2, $"expected several row groups, got {info.RowGroups.Count}");
        await DuckDbAssert.RowsEqualAsync(file.Path, schema, rows);
    }

    [Theory]
    [MemberData(nameof(Codecs.All), MemberType = typeof(Codecs))]
    public async Task WriteAsync_EveryCodec_DuckDbReadsSameValues(ParquetCodec codec)
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes(dictionary: true);
        List<object?[]> rows = TestSchemas.AllTypesRows(4000, distinct: 500, seed: (int)codec);
        await using var file = new TempFile();
        var options = new ParquetWriterOptions { Codec = codec, PageSize = 4096, RowGroupRowLimit = 1500 };

        // Act
        var info = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);

        // Assert
        Assert.All(info.RowGroups.SelectMany(g => g.Columns), c => Assert.Equal(codec, c.Codec));
        await DuckDbAssert.RowsEqualAsync(file.Path, schema, rows);
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    public async Task WriteAsync_CodecEdgeCases_DuckDbReadsSameBytes(ParquetCodec codec)
    {
        // Arrange: each value alone in its page (page size 1 KiB), so each page exercises one edge case.
        var random = new Random(42);
        byte[] incompressible = new byte[100_000];
        random.NextBytes(incompressible);
        byte[][] values =
        [
            [],
            [7],
            incompressible,
            Enumerable.Repeat((byte)'a', 200_000).ToArray(),
            Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray(),
            incompressible[..65_536],
            incompressible[..65_537],
        ];
        var schema = new ParquetSchema([new ParquetColumn("value", ParquetPhysicalType.ByteArray, Statistics: false)]);
        List<object?[]> rows = [.. values.Select(v => new object?[] { v })];
        await using var file = new TempFile();

        // Act
        await ParquetFiles.WriteAsync(file.Path, schema, rows, new ParquetWriterOptions { Codec = codec, PageSize = 1024 });

        // Assert
        await DuckDbAssert.DigestsEqualAsync(file.Path, schema, rows);
    }

    [Fact]
    public async Task WriteAsync_DictionaryOutgrowsLimit_FallsBackToPlainAndDuckDbReadsSameValues()
    {
        // Arrange: 2,000 distinct strings of ~40 bytes outgrow a 4 KiB dictionary early in the chunk.
        var schema = new ParquetSchema([
            new ParquetColumn("id", ParquetPhysicalType.Int64),
            new ParquetColumn("name", ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String, Dictionary: true),
        ]);
        List<object?[]> rows = [.. Enumerable.Range(0, 2000).Select(i => new object?[] { (long)i, $"a fairly long distinct string number {i}" })];
        await using var file = new TempFile();

        // Act
        var info = await ParquetFiles.WriteAsync(
            file.Path, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Snappy, DictionaryPageSizeLimit = 4096 });

        // Assert
        var chunk = info.RowGroups.Single().Columns[1];
        Assert.NotNull(chunk.DictionaryPageOffset);
        Assert.Contains(Bronze.Parquet.Footer.ParquetEncoding.RleDictionary, chunk.Encodings);
        Assert.Contains(Bronze.Parquet.Footer.ParquetEncoding.Plain, chunk.Encodings);
        await DuckDbAssert.RowsEqualAsync(file.Path, schema, rows);
    }

    [Theory]
    [InlineData(ParquetCodec.Uncompressed)]
    [InlineData(ParquetCodec.Zstd)]
    public async Task WriteAsync_LargeValuesAcrossPagesAndRowGroups_DuckDbReadsSameBytes(ParquetCodec codec)
    {
        // Arrange: values from empty to 5x the page size, in pages that fill, overflow and move within row groups.
        ParquetSchema schema = LargeValueRows.Schema;
        List<object?[]> rows = LargeValueRows.Generate(400);
        await using var file = new TempFile();
        var options = new ParquetWriterOptions { Codec = codec, PageSize = 64 << 10, RowGroupSize = 1 << 20 };

        // Act
        var info = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);

        // Assert
        Assert.True(info.RowGroups.Count > 3, $"expected several row groups, got {info.RowGroups.Count}");
        await DuckDbAssert.DigestsEqualAsync(file.Path, schema, rows);
    }
}
