using System.Security.Cryptography;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>One read of a stored object: size, sha256, first bytes and last bytes, across read-buffer boundaries.</summary>
public sealed class StoredObjectDigestTests() : LocalPartitionsTests("")
{
    [Theory]
    [InlineData(0, 8)]
    [InlineData(3, 8)]
    [InlineData(4, 8)]
    [InlineData(100, 8)]
    [InlineData(100, 100)]
    [InlineData(100, 250)]
    [InlineData((3 << 20) + 5, 100)] // a read chunk longer than the tail
    [InlineData((3 << 20) + 5, (1 << 20) + 3)] // a tail longer than a chunk, wrapping around its ring
    [InlineData((2 << 20) + 1, 1 << 20)]
    public async Task ReadAsync_Object_HashesItAndKeepsItsEnds(int size, int tailLength)
    {
        byte[] bytes = TestBytes.Create(size, seed: size);
        await Partitions.Store.PutIfAbsentAsync("o", new MemoryStream(bytes), Ct);

        StoredObjectDigest digest = await StoredObjectDigest.ReadAsync(Partitions.Store, "o", tailLength, Ct);

        Assert.Equal(size, digest.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digest.Sha256);
        Assert.Equal(bytes[..Math.Min(size, 4)], digest.Head);
        Assert.Equal(bytes[Math.Max(0, size - tailLength)..], digest.Tail);
    }

    [Theory]
    [InlineData(10, 1, 4)]
    [InlineData(10, 3, 4)]
    [InlineData(11, 3, 5)]
    [InlineData(2, 1, 4)]
    public async Task ReadAsync_SmallReads_KeepsTheEndsAcrossThem(int size, int maxRead, int tailLength)
    {
        byte[] bytes = TestBytes.Create(size, seed: 7);
        var store = new ListedStore { Contents = new Dictionary<string, byte[]> { ["o"] = bytes }, MaxRead = maxRead };

        StoredObjectDigest digest = await StoredObjectDigest.ReadAsync(store, "o", tailLength, Ct);

        Assert.Equal((size, TestBytes.Sha256(bytes)), (digest.Size, digest.Sha256));
        Assert.Equal(bytes[..Math.Min(size, 4)], digest.Head);
        Assert.Equal(bytes[Math.Max(0, size - tailLength)..], digest.Tail);
    }

    [Fact]
    public async Task ReadAsync_NoTail_KeepsOnlyTheHead()
    {
        byte[] bytes = TestBytes.Create((1 << 20) + 7, seed: 9);
        await Partitions.Store.PutIfAbsentAsync("o", new MemoryStream(bytes), Ct);

        StoredObjectDigest digest = await StoredObjectDigest.ReadAsync(Partitions.Store, "o", Ct);

        Assert.Equal((bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), (digest.Size, digest.Sha256));
        Assert.Equal(bytes[..4], digest.Head);
        Assert.Empty(digest.Tail);
    }

    [Fact]
    public async Task ReadAsync_NegativeTail_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StoredObjectDigest.ReadAsync(Partitions.Store, "o", -1, Ct));
    }
}
