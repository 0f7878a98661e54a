using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Tests.Support.Readers;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

/// <summary>A column's own page size (<see cref="ParquetColumn.PageSize"/>) and the ledger table's large XDR pages.</summary>
public sealed class PageSizeTests
{
    [Fact]
    public async Task WriteAsync_ColumnPageSize_OverridesWriterPageSizeForThatColumnOnly()
    {
        // Arrange: the same ~100-byte values in two columns; one asks for 1 KiB pages, the other takes the writer's 1 MiB.
        var schema = new ParquetSchema([
            new ParquetColumn("small_pages", ParquetPhysicalType.ByteArray, Statistics: false, PageSize: 1024),
            new ParquetColumn("writer_pages", ParquetPhysicalType.ByteArray, Statistics: false),
        ]);
        var random = new Random(3);
        List<object?[]> rows = [.. Enumerable.Range(0, 2000).Select(_ =>
        {
            byte[] value = new byte[100];
            random.NextBytes(value);
            return new object?[] { value, value };
        })];
        await using var file = new TempFile();

        // Act
        ParquetFileInfo info = await ParquetFiles.WriteAsync(file.Path, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });

        // Assert: ~200 pages against one, so ~200 page headers (each over 10 bytes) more in the first chunk.
        IReadOnlyList<ParquetColumnChunkInfo> chunks = info.RowGroups.Single().Columns;
        long extraHeaderBytes = chunks[0].TotalUncompressedSize - chunks[1].TotalUncompressedSize;
        Assert.InRange(extraHeaderBytes, 150 * 10, 250 * 40);
        await DuckDbAssert.DigestsEqualAsync(file.Path, schema, rows);
    }

    [Theory]
    [InlineData("DuckDB")]
    [InlineData("Parquet.Net")]
    [InlineData("ParquetSharp")]
    public async Task WriteAsync_LedgerTableWithLargeXdrPages_ReaderReadsSameValues(string reader)
    {
        // Arrange: the ledger table as defined in schemas/ (xdr_bytes in 8 MiB pages), with over two such pages of XDR.
        ParquetSchema schema = LedgerTableRows.Schema;
        List<object?[]> rows = LedgerTableRows.Generate(20 << 20);
        await using var file = new TempFile();
        var options = new ParquetWriterOptions { Codec = ParquetCodec.Zstd };

        // Act
        ParquetFileInfo written = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);

        // Assert
        Assert.True(written.RowGroups[0].Columns[10].TotalUncompressedSize > 2 * (8 << 20), "expected more than two full XDR pages");
        if (reader == "DuckDB") await DuckDbAssert.DigestsEqualAsync(file.Path, schema, rows);
        else await ReaderAssert.SameAsWrittenAsync(reader, file.Path, schema, rows, written);
    }

    [Fact]
    public async Task WriteAsync_LedgerTableWithLargeXdrPagesTwice_SameBytes()
    {
        List<object?[]> rows = LedgerTableRows.Generate(10 << 20);

        byte[] first = await ParquetFiles.WriteBytesAsync(LedgerTableRows.Schema, rows);
        byte[] second = await ParquetFiles.WriteBytesAsync(LedgerTableRows.Schema, rows);

        Assert.Equal(first, second);
    }
}
