using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Tests.Hashing;

public sealed class Crc32CCheckingStreamTests
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31))];

    [Fact]
    public async Task ReadToEnd_MatchingCrcAndLength_ReturnsTheBytes()
    {
        await using Stream stream = Open(Crc32C.Compute(Data), Data.Length);

        byte[] read = await ReadAllAsync(stream);

        Assert.Equal(Data, read);
    }

    [Fact]
    public async Task ReadToEnd_WrongCrc_ThrowsIntegrityMismatch()
    {
        await using Stream stream = Open(Crc32C.Compute(Data) ^ 0x10, Data.Length);

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => ReadAllAsync(stream));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, e.Kind);
        Assert.Contains("crc32c", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadToEnd_FewerBytesThanTheServerStores_ThrowsIntegrityMismatch()
    {
        await using Stream stream = Open(Crc32C.Compute(Data), Data.Length + 1);

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => ReadAllAsync(stream));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, e.Kind);
    }

    private static Crc32CCheckingStream Open(uint expectedCrc, long expectedLength)
    {
        var response = new HttpResponseMessage { Content = new ByteArrayContent(Data) };
        return new Crc32CCheckingStream(response, new MemoryStream(Data), expectedCrc, expectedLength, "object 'k'");
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }
}
