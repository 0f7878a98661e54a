using System.Buffers.Binary;
using System.Security.Cryptography;
using Bronze.Parquet.Compression;
using Bronze.Parquet.Compression.Zstd;

namespace Bronze.Parquet.Tests.Compression;

public sealed class ZstdDecompressionStreamTests
{
    [Fact]
    public async Task ReadAsync_StellarLoadTestFile_GivesTheBytesTheZstdCliGives()
    {
        StellarData.Require();
        await using var stream = new ZstdDecompressionStream(File.OpenRead(StellarData.LoadTestFile));

        byte[] bytes = await ReadAllAsync(stream, 4096);

        Assert.Equal(StellarData.LoadTestLength, bytes.Length);
        Assert.Equal(StellarData.LoadTestSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(3, CountXdrRecords(bytes));
    }

    [Fact]
    public void Read_StellarLoadTestFileInOddChunks_GivesTheSameBytes()
    {
        StellarData.Require();
        using var stream = new ZstdDecompressionStream(File.OpenRead(StellarData.LoadTestFile));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[7919];
        long total = 0;
        int read;

        while ((read = stream.Read(buffer, 0, 1 + (int)(total % buffer.Length))) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        Assert.Equal(StellarData.LoadTestLength, total);
        Assert.Equal(StellarData.LoadTestSha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Theory]
    [MemberData(nameof(StellarData.DatastoreFiles), MemberType = typeof(StellarData))]
    public async Task ReadAsync_GalexieBatchFile_GivesTheBytesTheZstdCliGives(string name, string sha256)
    {
        StellarData.Require();
        await using var stream = new ZstdDecompressionStream(File.OpenRead(StellarData.DatastorePath(name)));

        byte[] bytes = await ReadAllAsync(stream, 65536);

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task ReadAsync_ConcatenatedFrames_GivesAllFramesInOrder()
    {
        byte[] first = CodecSamples.Structured(300_000, 51);
        byte[] second = CodecSamples.Random(70_000, 52);
        byte[] input = [.. ZstdPage(first), .. ZstdPage(second)];
        await using var stream = new ZstdDecompressionStream(new MemoryStream(input));

        byte[] bytes = await ReadAllAsync(stream, 10_000);

        Assert.Equal([.. first, .. second], bytes);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFrame_ThrowsInvalidData()
    {
        byte[] frame = ZstdPage(CodecSamples.Structured(300_000, 53));
        await using var stream = new ZstdDecompressionStream(new MemoryStream(frame[..^1]));

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(stream, 65536));
    }

    [Fact]
    public async Task ReadAsync_NotZstd_ThrowsInvalidData()
    {
        await using var stream = new ZstdDecompressionStream(new MemoryStream(CodecSamples.Random(1000, 54)));

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(stream, 65536));
    }

    [Fact]
    public async Task ReadAsync_TrailingGarbageAfterAFrame_ThrowsInvalidData()
    {
        byte[] input = [.. ZstdPage(CodecSamples.Structured(1000, 55)), 1, 2, 3, 4, 5, 6, 7, 8];
        await using var stream = new ZstdDecompressionStream(new MemoryStream(input));

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(stream, 65536));
    }

    [Fact]
    public async Task ReadAsync_EmptyInput_ThrowsInvalidData()
    {
        await using var stream = new ZstdDecompressionStream(new MemoryStream());

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(stream, 65536));
    }

    [Fact]
    public void Dispose_LeaveOpen_KeepsTheInnerStreamOpen()
    {
        var inner = new MemoryStream(ZstdPage([1, 2, 3]));
        var stream = new ZstdDecompressionStream(inner, leaveOpen: true);

        stream.Dispose();

        Assert.True(inner.CanRead);
        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void Dispose_Default_DisposesTheInnerStream()
    {
        var inner = new MemoryStream(ZstdPage([1, 2, 3]));
        var stream = new ZstdDecompressionStream(inner);

        stream.Dispose();

        Assert.False(inner.CanRead);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        await using var stream = new ZstdDecompressionStream(new MemoryStream(ZstdPage([1, 2, 3])));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadAtLeastAsync(new byte[10], 1, throwOnEndOfStream: false, cancelled.Token));
    }

    internal static byte[] ZstdPage(byte[] input)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(ParquetCodec.Zstd);
        return PageCodec.Compress(compressor, input);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int chunk)
    {
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0) output.Write(buffer, 0, read);
        return output.ToArray();
    }

    /// <summary>Walks the XDR record marks (0x80000000 | length) and counts the records; throws if they do not tile the bytes.</summary>
    private static int CountXdrRecords(byte[] bytes)
    {
        int count = 0;
        int position = 0;
        while (position < bytes.Length)
        {
            uint mark = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position, 4));
            Assert.True((mark & 0x80000000) != 0, $"No last-fragment bit at {position}.");
            position += 4 + (int)(mark & 0x7FFFFFFF);
            count++;
        }

        Assert.Equal(bytes.Length, position);
        return count;
    }
}
