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
}
