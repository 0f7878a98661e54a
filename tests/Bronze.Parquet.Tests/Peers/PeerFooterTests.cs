using Bronze.Parquet.Footer;
using Bronze.Parquet.Tests.Support;
using ParquetSharp;
using PsCodec = ParquetSharp.Compression;

namespace Bronze.Parquet.Tests.Peers;

/// <summary>
/// Files written by DuckDB, ParquetSharp and Parquet.Net, every codec each offers, nested schemas, page indexes and
/// bloom filters: Bronze's footer reader reads each, and says what DuckDB's metadata functions say about it. (Apache
/// Arrow's .NET library, Apache.Arrow 23.0.0, has no Parquet writer, only Arrow IPC; ParquetSharp is Arrow's C++
/// Parquet writer.)
/// </summary>
public sealed class PeerFooterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> DuckDbCodecs => [.. DuckDbFiles.Codecs];

    public static TheoryData<PsCodec> ParquetSharpCodecs => [.. ParquetSharpFiles.Codecs];

    public static TheoryData<global::Parquet.CompressionMethod> ParquetNetCodecs => [.. ParquetNetFiles.Codecs];

    [Theory]
    [MemberData(nameof(DuckDbCodecs))]
    public async Task ReadMetadataAsync_DuckDbFile_SaysWhatDuckDbSays(string codec)
    {
        await using var file = new TempFile();
        await DuckDbFiles.WriteAsync(file.Path, codec, Ct);

        ParquetFileMetadata m = await ParquetFooterReader.ReadMetadataAsync(file.Path, Ct);

        await DuckDbFooter.AssertMatchesAsync(file.Path, m, Ct);
        Assert.Equal(DuckDbFiles.Rows, m.RowCount);
        Assert.True(m.RowGroups.Count >= 2, "DuckDB rounds ROW_GROUP_SIZE up to its vector size, but 2,500 rows still make two groups");
        Assert.Contains(m.RowGroups.SelectMany(g => g.Columns), c => c.BloomFilterOffset > 0 && c.BloomFilterLength > 0);
        ParquetLeafColumn listOfStruct = m.Leaves.Single(l => l.DottedPath == "list_of_struct.list.element.b.list.element");
        Assert.Equal((6, 2), (listOfStruct.MaxDefinitionLevel, listOfStruct.MaxRepetitionLevel));
        Assert.Equal(ParquetAnnotationKind.Uuid, m.Leaves.Single(l => l.DottedPath == "uid").Node.LogicalType?.Kind);
    }

    [Theory]
    [MemberData(nameof(ParquetSharpCodecs))]
    public async Task ReadMetadataAsync_ParquetSharpFile_SaysWhatDuckDbSays(PsCodec codec)
    {
        await using var file = new TempFile();
        ParquetSharpFiles.Write(file.Path, codec);

        ParquetFileMetadata m = await ParquetFooterReader.ReadMetadataAsync(file.Path, Ct);

        await DuckDbFooter.AssertMatchesAsync(file.Path, m, Ct);
        Assert.Equal(ParquetSharpFiles.Rows, m.RowCount);
        Assert.All(m.RowGroups.SelectMany(g => g.Columns), c => Assert.True(c.OffsetIndexOffset > 0 && c.OffsetIndexLength > 0 && c.ColumnIndexOffset > 0));
        Assert.Contains(new KeyValuePair<string, string?>("note", "ünïcode"), m.KeyValueMetadata);
    }

    [Theory]
    [MemberData(nameof(ParquetNetCodecs))]
    public async Task ReadMetadataAsync_ParquetNetFile_SaysWhatDuckDbSays(global::Parquet.CompressionMethod codec)
    {
        await using var file = new TempFile();
        await ParquetNetFiles.WriteAsync(file.Path, codec);

        ParquetFileMetadata m = await ParquetFooterReader.ReadMetadataAsync(file.Path, Ct);

        await DuckDbFooter.AssertMatchesAsync(file.Path, m, Ct);
        Assert.Equal(ParquetNetFiles.Rows, m.RowCount);
        Assert.Contains(m.Leaves, l => l.DottedPath == "Inner.Y");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadMetadataAsync_ParquetSharpEncryptedFile_ThrowsEncrypted(bool plaintextFooter)
    {
        // Arrange: Parquet modular encryption with a footer key; with a plaintext footer the file ends with PAR1.
        await using var file = new TempFile();
        using var builder = new FileEncryptionPropertiesBuilder([.. Enumerable.Range(1, 16).Select(i => (byte)i)]);
        if (plaintextFooter) builder.SetPlaintextFooter();
        using FileEncryptionProperties encryption = builder.Build();
        ParquetSharpFiles.Write(file.Path, PsCodec.Snappy, encryption);

        // Act
        var e = await Assert.ThrowsAsync<ParquetException>(() => ParquetFooterReader.ReadMetadataAsync(file.Path, Ct));

        // Assert
        Assert.StartsWith("Encrypted Parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NestedFile_ThrowsFlatSchemasOnly()
    {
        await using var file = new TempFile();
        await ParquetNetFiles.WriteAsync(file.Path, global::Parquet.CompressionMethod.Snappy);

        var e = await Assert.ThrowsAsync<ParquetException>(() => ParquetFooterReader.ReadAsync(file.Path, Ct));

        Assert.Contains("Bronze reads flat schemas only", e.Message, StringComparison.Ordinal);
    }
}
