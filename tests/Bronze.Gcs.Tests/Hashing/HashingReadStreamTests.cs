using System.Security.Cryptography;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Tests.Hashing;

public sealed class HashingReadStreamTests
{
    [Fact]
    public async Task ReadAsync_SeekBackAndReread_HashesEveryByteOnce()
    {
        byte[] data = RandomBytes(10_000);
        using var inner = new MemoryStream(data);
        using var hashing = new HashingReadStream(inner, seekable: true);
        byte[] buffer = new byte[4096];

        await hashing.ReadExactlyAsync(buffer, TestContext.Current.CancellationToken);
        hashing.Position = 1000;
        await hashing.ReadExactlyAsync(buffer, TestContext.Current.CancellationToken);
        await hashing.DrainAsync(TestContext.Current.CancellationToken);

        Assert.Equal(data.Length, hashing.BytesHashed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), hashing.Sha256Hex());
        Assert.Equal(Crc32C.Compute(data), hashing.Crc32C);
    }

    [Fact]
    public void Read_AfterSkippingAhead_Throws()
    {
        using var inner = new MemoryStream(RandomBytes(10_000));
        using var hashing = new HashingReadStream(inner, seekable: true);

        hashing.Position = 5000;

        Assert.Throws<InvalidOperationException>(() => hashing.ReadByte());
    }

    [Fact]
    public async Task DrainAsync_ForwardOnly_HashesTheRest()
    {
        byte[] data = RandomBytes(100_000);
        using var inner = new MemoryStream(data);
        using var hashing = new HashingReadStream(inner, seekable: false);

        _ = hashing.ReadByte();
        await hashing.DrainAsync(TestContext.Current.CancellationToken);

        Assert.False(hashing.CanSeek);
        Assert.Equal(data.Length, hashing.BytesHashed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), hashing.Sha256Hex());
    }

    private static byte[] RandomBytes(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }
}
