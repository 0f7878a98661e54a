using Bronze.Parquet.Footer;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Verification;

namespace Bronze.Tests.Verification;

/// <summary>
/// What reading a footer asks a store for: ranged reads of the head and the tail, never the whole object; and nothing
/// at all, or only what is missing, when the caller hands over the head and tail it kept (verification).
/// </summary>
public sealed class ObjectRangeStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 2)] // a footer inside the last 64 KiB: the head, then the tail block
    [InlineData(100_000, 3)] // a footer longer than the tail block: one more range for it
    public async Task ReadObjectMetadataAsync_LargeFile_ReadsTwoOrThreeRanges(int keyValueBytes, int expectedRanges)
    {
        // Arrange: a DuckDB file of a few MiB, its footer made long by key-value metadata when asked.
        using var folder = new TempDirectory();
        var store = new CountingStore(new LocalStore(folder.Path));
        long size = await WriteDuckDbFileAsync(folder.Path, keyValueBytes);

        // Act
        ParquetFileMetadata m = await ParquetInspector.ReadObjectMetadataAsync(store, "f.parquet", Ct);

        // Assert
        Assert.Equal(200_000, m.RowCount);
        Assert.True(size > 1 << 20);
        Assert.Equal(expectedRanges, store.Ranges.Count);
        Assert.True(store.Ranges.Sum(r => r.Length) < ObjectRangeStream.TailBlock + keyValueBytes + 1024, string.Join(", ", store.Ranges));
        Assert.Equal(0, store.Opens);
    }

    [Theory]
    [InlineData(0, 0)] // the footer inside the kept tail: no request
    [InlineData(100_000, 1)] // a footer longer than the kept tail: one range, for the bytes the tail lacks
    public async Task ReadMetadataAsync_KeptHeadAndTail_ReadsOnlyWhatIsMissing(int keyValueBytes, int expectedRanges)
    {
        // Arrange: the head and 64 KiB of tail kept by one full read, as verification keeps them.
        using var folder = new TempDirectory();
        var store = new CountingStore(new LocalStore(folder.Path));
        await WriteDuckDbFileAsync(folder.Path, keyValueBytes);
        StoredObjectDigest digest = await StoredObjectDigest.ReadAsync(store, "f.parquet", 64 << 10, Ct);

        // Act
        await using var stream = new ObjectRangeStream(store, "f.parquet", digest.Size, digest.Head, digest.Tail);
        ParquetFileMetadata m = await ParquetFooterReader.ReadMetadataAsync(stream, Ct);

        // Assert: besides the digest's one open, only the missing bytes, which end where the kept tail starts.
        Assert.Equal(200_000, m.RowCount);
        Assert.Equal(1, store.Opens);
        Assert.Equal(expectedRanges, store.Ranges.Count);
        Assert.All(store.Ranges, r => Assert.Equal(digest.Size - digest.Tail.Length, r.Offset + r.Length));
    }

    private static async Task<long> WriteDuckDbFileAsync(string folder, int keyValueBytes)
    {
        string path = Path.Join(folder, "f.parquet");
        string metadata = keyValueBytes == 0 ? "" : $", KV_METADATA {{big: '{new string('x', keyValueBytes)}'}}";
        await DuckDb.QueryAsync(
            $"COPY (SELECT i, md5(i::VARCHAR) AS h FROM range(200000) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, COMPRESSION uncompressed{metadata})", Ct);
        return new FileInfo(path).Length;
    }

    /// <summary>A store that counts what is read from it.</summary>
    private sealed class CountingStore(IObjectStore inner) : IObjectStore
    {
        public List<(long Offset, int Length)> Ranges { get; } = [];

        public int Opens { get; private set; }

        public string Description => inner.Description;

        public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
            inner.PutIfAbsentAsync(key, content, cancellationToken);

        public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
            inner.PutFileIfAbsentAsync(key, filePath, cancellationToken);

        public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => inner.StatAsync(key, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
        {
            Opens++;
            return inner.OpenReadAsync(key, cancellationToken);
        }

        public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
        {
            Ranges.Add((offset, length));
            return inner.ReadRangeAsync(key, offset, length, cancellationToken);
        }

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    }
}
