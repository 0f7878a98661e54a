using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(Codecs.All), MemberType = typeof(Codecs))]
    public async Task WriteAsync_SameRowsTwice_SameBytes(ParquetCodec codec)
    {
        // Arrange
        var options = new ParquetWriterOptions { Codec = codec, PageSize = 2048, RowGroupRowLimit = 700 };

        // Act
        byte[] first = await ParquetFiles.WriteBytesAsync(TestSchemas.AllTypes(dictionary: true), TestSchemas.AllTypesRows(2000, 97), options);
        byte[] second = await ParquetFiles.WriteBytesAsync(TestSchemas.AllTypes(dictionary: true), TestSchemas.AllTypesRows(2000, 97), options);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void DefaultCreatedBy_NamesTheVersionButNotTheBuild()
    {
        // The footer is part of the file's bytes: a build-specific created_by would make every commit write different
        // files, and a partition left incomplete by one build could not be healed by the next.
        Assert.Matches(@"^bronze version [0-9]+\.[0-9]+\.[0-9]+$", ParquetWriterOptions.DefaultCreatedBy);
        Assert.Equal(ParquetWriterOptions.DefaultCreatedBy, new ParquetWriterOptions().CreatedBy);
    }

    [Fact]
    public async Task WriteAsync_RowsVsColumnWriters_SameBytes()
    {
        // Arrange
        var schema = new Bronze.Parquet.Schema.ParquetSchema([
            new("id", Bronze.Parquet.Schema.ParquetPhysicalType.Int64),
            new("name", Bronze.Parquet.Schema.ParquetPhysicalType.ByteArray, IsNullable: true, LogicalType: Bronze.Parquet.Schema.ParquetLogicalType.String, Dictionary: true),
        ]);
        long[] ids = [.. Enumerable.Range(0, 500).Select(i => (long)i)];
        string?[] names = [.. ids.Select(i => i % 3 == 0 ? null : $"n{i % 10}")];
        byte[] byRows = await ParquetFiles.WriteBytesAsync(schema, ids.Select((id, i) => new object?[] { id, names[i] }));

        // Act: the same rows through the column writers, in two batches.
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var range in new[] { (0, 200), (200, 500) })
            {
                writer.Columns[0].WriteInt64s(ids.AsSpan(range.Item1, range.Item2 - range.Item1));
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    if (names[i] is { } name) writer.Columns[1].WriteString(name);
                    else writer.Columns[1].WriteNull();
                }

                await writer.EndBatchAsync(TestContext.Current.CancellationToken);
            }

            await writer.CompleteAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.Equal(byRows, stream.ToArray());
    }
}
