using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Footer;

public sealed class FooterErrorTests
{
    private static async Task<byte[]> ValidFileAsync() =>
        await ParquetFiles.WriteBytesAsync(TestSchemas.AllTypes(), TestSchemas.AllTypesRows(100), new ParquetWriterOptions { Codec = ParquetCodec.Snappy });

    private static Task<ParquetFileInfo> ReadAsync(byte[] bytes) =>
        ParquetFooterReader.ReadAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

    [Fact]
    public async Task ReadAsync_NotParquet_ThrowsNotAParquetFile()
    {
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync("{\"this is\": \"json, not parquet\"}"u8.ToArray()));
        Assert.Contains("Not a Parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TooShort_ThrowsNotAParquetFile()
    {
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync("PAR1PAR1"u8.ToArray()));
        Assert.Contains("shorter than the 12", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(100)]
    public async Task ReadAsync_Truncated_ThrowsTruncated(int cut)
    {
        byte[] bytes = await ValidFileAsync();
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(bytes[..^cut]));
        Assert.Contains("Truncated or unfinished", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FooterLengthTooLarge_ThrowsCorruptFooter()
    {
        byte[] bytes = await ValidFileAsync();
        bytes[^5] = 0x7F;
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(bytes));
        Assert.Contains("Corrupt Parquet footer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FooterBytesGarbled_ThrowsCorruptFooter()
    {
        // Arrange: every byte of the footer flipped: never a valid FileMetaData.
        byte[] bytes = await ValidFileAsync();
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        for (int i = bytes.Length - 8 - footerLength; i < bytes.Length - 8; i++) bytes[i] ^= 0xFF;

        // Act
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(bytes));

        // Assert
        Assert.Contains("Corrupt Parquet footer", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x19)] // a list of one list
    [InlineData(0x1A)] // a list of one set
    public async Task ReadAsync_UnknownFieldOfDeeplyNestedLists_ThrowsCorruptFooterNotStackOverflow(byte nestedListHeader)
    {
        // Arrange: field 15 of FileMetaData (unknown, so skipped) holds a million nested one-element lists.
        byte[] footer = [0xF9, .. Enumerable.Repeat(nestedListHeader, 1_000_000), 0x00];
        byte[] file = [.. "PAR1"u8, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];

        // Act
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        // Assert
        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldMapClaimingMoreEntriesThanBytes_ThrowsCorruptFooter()
    {
        // Arrange: field 15 is a map of 2^40 entries in a footer of a few bytes.
        byte[] footer = [0xFB, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x55, 0x00];
        byte[] file = [.. "PAR1"u8, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("more than the bytes left", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EveryFooterPrefix_ThrowsParquetExceptionNeverAnotherError()
    {
        // Arrange: the footer cut at every length, with a fixed-up length field: each one is truncated Thrift.
        byte[] bytes = await ValidFileAsync();
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        byte[] footer = bytes[(bytes.Length - 8 - footerLength)..^8];

        for (int length = 1; length < footerLength; length++)
        {
            byte[] file = [.. "PAR1"u8, .. footer[..length], .. BitConverter.GetBytes(length), .. "PAR1"u8];

            // Act and assert
            await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));
        }
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_LeavesNoFooter()
    {
        // Arrange
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(
            TestSchemas.AllTypes(), stream, new ParquetWriterOptions { RowGroupRowLimit = 10 }, TestContext.Current.CancellationToken))
        {
            foreach (object?[] row in TestSchemas.AllTypesRows(25)) await writer.WriteRowAsync(row, TestContext.Current.CancellationToken);

            // Act: dispose without CompleteAsync.
        }

        // Assert: two row groups went out, but no footer and no trailing magic.
        byte[] bytes = stream.ToArray();
        Assert.True(bytes.Length > 4);
        Assert.False(bytes.AsSpan(bytes.Length - 4).SequenceEqual("PAR1"u8));
        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(bytes));
        Assert.Contains("unfinished", e.Message, StringComparison.Ordinal);
    }
}
