using System.Security.Cryptography;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Tests.Hashing;

public sealed class HashingReadStreamTests
{
    [Fact]
    public async Task DrainAsync_AfterPartialRead_HashesTheWholeContent()
    {
        byte[] data = new byte[100_000];
        new Random(3).NextBytes(data);
        using var inner = new MemoryStream(data);
        using var hashing = new HashingReadStream(inner);

        _ = hashing.ReadByte();
        await hashing.DrainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(data.Length, hashing.BytesHashed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), hashing.Sha256Hex());
        Assert.Equal(Crc32C.Compute(data), hashing.Crc32C);
    }

    [Fact]
    public void Read_SourceThrows_RecordsTheSourceFailure()
    {
        using var hashing = new HashingReadStream(new ThrowingStream());

        IOException e = Assert.Throws<IOException>(() => hashing.ReadByte());

        Assert.Same(e, hashing.SourceFailure?.SourceException);
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_ThrowsWithoutTakingTheContentsBytes()
    {
        using var inner = new MemoryStream([1, 2, 3, 4]);
        var hashing = new HashingReadStream(inner);
        _ = hashing.ReadByte();
        await hashing.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => hashing.ReadAsync(new byte[4], TestContext.Current.CancellationToken).AsTask());
        Assert.Throws<ObjectDisposedException>(() => hashing.ReadByte());

        Assert.Equal(1, inner.Position); // the three bytes left are still the caller's
        Assert.False(hashing.CanRead);
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(Span<byte> buffer) => throw new IOException("the source broke");
    }
}
