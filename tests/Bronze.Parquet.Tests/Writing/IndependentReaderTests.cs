using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Tests.Support.Readers;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

/// <summary>
/// Parquet.Net and ParquetSharp, two readers nobody on Bronze wrote (one managed, one Apache Arrow's C++), read back
/// exactly the values, row groups and codecs written, beside DuckDB (<see cref="DuckDbReadBackTests"/>).
/// </summary>
public sealed class IndependentReaderTests
{
    [Theory]
    [MemberData(nameof(IndependentReaders.Names), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_EveryTypeAndNullabilityPlain_ReaderReadsSameValues(string reader)
    {
        await WriteAndReadAsync(reader, TestSchemas.AllTypes(), TestSchemas.AllTypesRows(3000), new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });
    }

    [Theory]
    [MemberData(nameof(IndependentReaders.Names), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_EveryTypeAndNullabilityDictionary_ReaderReadsSameValues(string reader)
    {
        await WriteAndReadAsync(
            reader, TestSchemas.AllTypes(dictionary: true), TestSchemas.AllTypesRows(3000, distinct: 50), new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });
    }

    [Theory]
    [MemberData(nameof(IndependentReaders.WithCodecs), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_EveryCodec_ReaderReadsSameValues(string reader, ParquetCodec codec)
    {
        var options = new ParquetWriterOptions { Codec = codec, PageSize = 4096, RowGroupRowLimit = 1500 };
        await WriteAndReadAsync(reader, TestSchemas.AllTypes(dictionary: true), TestSchemas.AllTypesRows(4000, distinct: 500, seed: (int)codec), options);
    }

    [Theory]
    [MemberData(nameof(IndependentReaders.Names), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_SmallPagesAndRowGroups_ReaderReadsSameValues(string reader)
    {
        var options = new ParquetWriterOptions { Codec = ParquetCodec.Snappy, PageSize = 1024, RowGroupSize = 64 << 10, DictionaryPageSizeLimit = 2048 };

        ParquetFileInfo written = await WriteAndReadAsync(reader, TestSchemas.AllTypes(dictionary: true), TestSchemas.AllTypesRows(5000, distinct: 300), options);

        Assert.True(written.RowGroups.Count > 2, $"expected several row groups, got {written.RowGroups.Count}");
    }

    [Theory]
    [MemberData(nameof(IndependentReaders.Names), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_DictionaryOutgrowsLimit_ReaderReadsSameValues(string reader)
    {
        var schema = new ParquetSchema([
            new ParquetColumn("id", ParquetPhysicalType.Int64),
            new ParquetColumn("name", ParquetPhysicalType.ByteArray, IsNullable: true, LogicalType: ParquetLogicalType.String, Dictionary: true),
        ]);
        List<object?[]> rows = [.. Enumerable.Range(0, 2000).Select(i => new object?[] { (long)i, i % 17 == 0 ? null : $"a fairly long distinct string number {i}" })];

        ParquetFileInfo written = await WriteAndReadAsync(reader, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Zstd, DictionaryPageSizeLimit = 4096 });

        Assert.Contains(ParquetEncoding.RleDictionary, written.RowGroups[0].Columns[1].Encodings);
        Assert.Contains(ParquetEncoding.Plain, written.RowGroups[0].Columns[1].Encodings);
    }

    [Theory]
    [MemberData(nameof(IndependentReaders.WithCodecs), MemberType = typeof(IndependentReaders))]
    public async Task WriteAsync_LargeValuesAcrossPagesAndRowGroups_ReaderReadsSameBytes(string reader, ParquetCodec codec)
    {
        // Values from empty to 5x the page size, in pages that fill, overflow and move within row groups.
        ParquetSchema schema = LargeValueRows.Schema;
        List<object?[]> rows = LargeValueRows.Generate(300);
        var options = new ParquetWriterOptions { Codec = codec, PageSize = 64 << 10, RowGroupSize = 1 << 20 };

        ParquetFileInfo written = await WriteAndReadAsync(reader, schema, rows, options);

        Assert.True(written.RowGroups.Count > 3, $"expected several row groups, got {written.RowGroups.Count}");
    }

    private static async Task<ParquetFileInfo> WriteAndReadAsync(string reader, ParquetSchema schema, List<object?[]> rows, ParquetWriterOptions options)
    {
        await using var file = new TempFile();
        ParquetFileInfo written = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);
        await ReaderAssert.SameAsWrittenAsync(reader, file.Path, schema, rows, written);
        return written;
    }
}
