using Bronze.Cli.Stores;
using Bronze.Parquet.Footer;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>What <c>bronze inspect</c> asks a store for: ranged reads of the head and the tail, never the whole object.</summary>
public sealed class ObjectRangeStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 2)] // a footer inside the last 64 KiB: the head, then the tail block
    [InlineData(100_000, 3)] // a footer longer than the tail block: one more range for it
    public async Task ReadMetadataAsync_OverRangeStream_ReadsTwoOrThreeRanges(int keyValueBytes, int expectedRanges)
    {
        // Arrange: a DuckDB file of a few MiB, its footer made long by key-value metadata when asked.
        using var folder = new CliTestFolder();
        string metadata = keyValueBytes == 0 ? "" : $", KV_METADATA {{big: '{new string('x', keyValueBytes)}'}}";
        await DuckDb.QueryAsync(
            $"COPY (SELECT i, md5(i::VARCHAR) AS h FROM range(200000) t(i)) TO {DuckDb.Literal(Path.Join(folder.Path, "f.parquet"))} "
            + $"(FORMAT parquet, COMPRESSION uncompressed{metadata})", Ct);
        var store = new CountingStore(new LocalStore(folder.Path));
        long size = (await store.StatAsync("f.parquet", Ct))!.Size;

        // Act
        await using var stream = new ObjectRangeStream(store, "f.parquet", size);
        ParquetFileMetadata m = await ParquetFooterReader.ReadMetadataAsync(stream, Ct);

        // Assert
        Assert.Equal(200_000, m.RowCount);
        Assert.True(size > 1 << 20);
        Assert.Equal(expectedRanges, store.Ranges.Count);
        Assert.True(store.Ranges.Sum(r => r.Length) < (64 << 10) + keyValueBytes + 1024, string.Join(", ", store.Ranges));
        Assert.Equal(0, store.Opens);
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
