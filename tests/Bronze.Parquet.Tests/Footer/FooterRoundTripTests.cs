using System.Buffers.Binary;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Footer;

public sealed class FooterRoundTripTests
{
    [Fact]
    public async Task ReadAsync_WrittenFile_ReturnsWhatTheWriterReported()
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes(dictionary: true);
        List<object?[]> rows = TestSchemas.AllTypesRows(2500, distinct: 100);
        var options = new ParquetWriterOptions
        {
            Codec = ParquetCodec.Snappy,
            RowGroupRowLimit = 1000,
            KeyValueMetadata = [new("table", "t"), new("bronze.version", "1")],
            CreatedBy = "bronze version 0.1.0 (build test)",
        };
        await using var file = new TempFile();
        ParquetFileInfo written = await ParquetFiles.WriteAsync(file.Path, schema, rows, options);

        // Act
        ParquetFileInfo read = await ParquetFooterReader.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2500, read.RowCount);
        Assert.Equal(2, read.Version);
        Assert.Equal("bronze version 0.1.0 (build test)", read.CreatedBy);
        Assert.Equal([new("table", "t"), new("bronze.version", "1")], read.KeyValueMetadata);
        Assert.Equal(schema.Columns.Select(c => c with { Dictionary = false, Statistics = true }), read.Schema.Columns);
        Assert.Equal([1000L, 1000L, 500L], read.RowGroups.Select(g => g.RowCount));
        Assert.Equal(written.RowGroups.Count, read.RowGroups.Count);
        for (int g = 0; g < read.RowGroups.Count; g++)
        {
            Assert.Equal(written.RowGroups[g] with { Columns = [] }, read.RowGroups[g] with { Columns = [] });
            for (int c = 0; c < schema.Columns.Count; c++)
            {
                ParquetColumnChunkInfo expected = written.RowGroups[g].Columns[c];
                ParquetColumnChunkInfo actual = read.RowGroups[g].Columns[c];
                Assert.Equal(expected.Path, actual.Path);
                Assert.Equal(expected.Encodings, actual.Encodings);
                Assert.Equal(expected.Statistics!.MinValue, actual.Statistics!.MinValue);
                Assert.Equal(expected.Statistics.MaxValue, actual.Statistics.MaxValue);
                Assert.Equal(expected with { Path = [], Encodings = [], Statistics = null }, actual with { Path = [], Encodings = [], Statistics = null });
            }
        }
    }

    [Fact]
    public async Task ReadAsync_Statistics_AreMinMaxAndNullCountInColumnOrder()
    {
        // Arrange
        var schema = new ParquetSchema([
            new ParquetColumn("signed", ParquetPhysicalType.Int32, IsNullable: true),
            new ParquetColumn("unsigned", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(32, isSigned: false)),
            new ParquetColumn("real", ParquetPhysicalType.Double),
            new ParquetColumn("text", ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String),
            new ParquetColumn("blob", ParquetPhysicalType.ByteArray, Statistics: false),
        ]);
        object?[][] rows =
        [
            [5, -1, 0.0, "b", new byte[] { 1 }],
            [null, 7, double.NaN, "ä", new byte[] { 2 }],
            [-3, 0, -2.5, "a", new byte[] { 3 }],
            [null, 1, 0.0, "B", new byte[] { 4 }],
        ];
        await using var file = new TempFile();
        await ParquetFiles.WriteAsync(file.Path, schema, rows, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });

        // Act
        ParquetFileInfo read = await ParquetFooterReader.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        // Assert
        var chunks = read.RowGroups.Single().Columns;
        Assert.Equal(2, chunks[0].Statistics!.NullCount);
        Assert.Equal(-3, BinaryPrimitives.ReadInt32LittleEndian(chunks[0].Statistics!.MinValue));
        Assert.Equal(5, BinaryPrimitives.ReadInt32LittleEndian(chunks[0].Statistics!.MaxValue));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(chunks[1].Statistics!.MinValue));
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(chunks[1].Statistics!.MaxValue));
        Assert.Equal(-2.5, BinaryPrimitives.ReadDoubleLittleEndian(chunks[2].Statistics!.MinValue));
        Assert.Equal(0.0, BinaryPrimitives.ReadDoubleLittleEndian(chunks[2].Statistics!.MaxValue));
        Assert.False(double.IsNegative(BinaryPrimitives.ReadDoubleLittleEndian(chunks[2].Statistics!.MaxValue)));
        Assert.Equal("B"u8.ToArray(), chunks[3].Statistics!.MinValue);
        Assert.Equal("ä"u8.ToArray(), chunks[3].Statistics!.MaxValue);
        Assert.Null(chunks[4].Statistics!.MinValue);
        Assert.Null(chunks[4].Statistics!.MaxValue);
        Assert.Equal(0, chunks[4].Statistics!.NullCount);
    }

    [Fact]
    public async Task ReadAsync_BinaryLongerThanStatisticsLimit_OmitsMinMax()
    {
        // Arrange
        var schema = new ParquetSchema([new ParquetColumn("text", ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String)]);
        object?[][] rows = [["short"], [new string('z', 300)]];
        using var stream = new MemoryStream(await ParquetFiles.WriteBytesAsync(schema, rows, new ParquetWriterOptions { MaxStatisticsValueLength = 256 }));

        // Act
        ParquetFileInfo read = await ParquetFooterReader.ReadAsync(stream, TestContext.Current.CancellationToken);

        // Assert
        ParquetStatistics statistics = read.RowGroups.Single().Columns.Single().Statistics!;
        Assert.Null(statistics.MaxValue);
        Assert.Null(statistics.MinValue);
        Assert.Equal(0, statistics.NullCount);
    }

    [Fact]
    public async Task ReadAsync_NoRows_ReturnsSchemaAndZeroRowGroups()
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes();
        using var stream = new MemoryStream(await ParquetFiles.WriteBytesAsync(schema, []));

        // Act
        ParquetFileInfo read = await ParquetFooterReader.ReadAsync(stream, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, read.RowCount);
        Assert.Empty(read.RowGroups);
        Assert.Equal(schema.Columns.Count, read.Schema.Columns.Count);
    }
}
