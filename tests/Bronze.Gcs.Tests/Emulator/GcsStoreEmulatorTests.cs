using System.Security.Cryptography;
using Bronze.Errors;
using Bronze.Storage;

namespace Bronze.Gcs.Tests.Emulator;

public sealed class GcsStoreEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutIfAbsentAsync_NewKey_CreatesObjectWithTheBytes()
    {
        using GcsStore store = GcsEmulator.NewStore();
        byte[] data = RandomBytes(1000, seed: 1);

        PutResult result = await store.PutIfAbsentAsync("a/b/part-0-9.parquet", new MemoryStream(data), Ct);

        Assert.Equal(new PutResult("a/b/part-0-9.parquet", PutOutcome.Created, 1000, Sha256(data)), result);
        Assert.Equal(new ObjectInfo("a/b/part-0-9.parquet", 1000), await store.StatAsync("a/b/part-0-9.parquet", Ct));
        Assert.Equal(data, await ReadAllAsync(store, "a/b/part-0-9.parquet"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_ExistingKey_ReturnsAlreadyExistsAndKeepsTheStoredBytes()
    {
        using GcsStore store = GcsEmulator.NewStore();
        byte[] first = RandomBytes(500, seed: 2);
        byte[] second = RandomBytes(700, seed: 3);
        await store.PutIfAbsentAsync("k", new MemoryStream(first), Ct);

        PutResult result = await store.PutIfAbsentAsync("k", new MemoryStream(second), Ct);

        Assert.Equal(new PutResult("k", PutOutcome.AlreadyExists, 700, Sha256(second)), result);
        Assert.Equal(first, await ReadAllAsync(store, "k"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_SixteenConcurrentWriters_ExactlyOneWins()
    {
        using GcsStore store = GcsEmulator.NewStore();
        byte[][] contents = [.. Enumerable.Range(0, 16).Select(i => RandomBytes(300_000 + i, seed: 100 + i))];

        PutResult[] results = await Task.WhenAll(contents.Select(c => Task.Run(() => store.PutIfAbsentAsync("race", new MemoryStream(c), Ct), Ct)));

        PutResult winner = Assert.Single(results, r => r.Outcome == PutOutcome.Created);
        Assert.Equal(15, results.Count(r => r.Outcome == PutOutcome.AlreadyExists));
        byte[] stored = await ReadAllAsync(store, "race");
        Assert.Equal(winner.Sha256, Sha256(stored));
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_64MiBInSeveralChunks_StoresEveryByte()
    {
        using GcsStore store = GcsEmulator.NewStore(chunkSize: 4 * 1024 * 1024);
        string path = Path.Combine(Path.GetTempPath(), "bronze-gcs-" + Guid.NewGuid().ToString("N"));
        byte[] data = RandomBytes(64 * 1024 * 1024 + 12_345, seed: 4);
        await File.WriteAllBytesAsync(path, data, Ct);
        try
        {
            PutResult result = await store.PutFileIfAbsentAsync("big.bin", path, Ct);

            Assert.Equal(PutOutcome.Created, result.Outcome);
            Assert.Equal(data.Length, result.Size);
            Assert.Equal(Sha256(data), result.Sha256);
            Assert.Equal(Sha256(data), Sha256(await ReadAllAsync(store, "big.bin")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task PutIfAbsentAsync_UnknownLengthStreamInSeveralChunks_StoresEveryByte()
    {
        using GcsStore store = GcsEmulator.NewStore(chunkSize: GcsStoreOptions.ChunkSizeUnit);
        byte[] data = RandomBytes(3 * GcsStoreOptions.ChunkSizeUnit + 77, seed: 5);

        PutResult result = await store.PutIfAbsentAsync("stream.bin", new ForwardOnlyStream(data), Ct);

        Assert.Equal(Sha256(data), result.Sha256);
        Assert.Equal(data, await ReadAllAsync(store, "stream.bin"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_EmptyContent_CreatesEmptyObject()
    {
        using GcsStore store = GcsEmulator.NewStore();

        PutResult result = await store.PutIfAbsentAsync("empty", new MemoryStream(), Ct);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(new ObjectInfo("empty", 0), await store.StatAsync("empty", Ct));
        Assert.Empty(await ReadAllAsync(store, "empty"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ListsOnlyThoseKeysInOrdinalOrder()
    {
        using GcsStore store = GcsEmulator.NewStore();
        string[] keys = ["b/2", "a/1", "b/10", "a/x/y", "ab", "b/1"];
        foreach (string key in keys) await store.PutIfAbsentAsync(key, new MemoryStream([1, 2, 3]), Ct);

        List<string> all = await ListKeysAsync(store, "");
        List<string> underB = await ListKeysAsync(store, "b/");
        List<string> startingA = await ListKeysAsync(store, "a");

        Assert.Equal(keys.Order(StringComparer.Ordinal), all);
        Assert.Equal(["b/1", "b/10", "b/2"], underB);
        Assert.Equal(["a/1", "a/x/y", "ab"], startingA);
    }

    [Fact]
    public async Task StatAsync_MissingKey_ReturnsNull()
    {
        using GcsStore store = GcsEmulator.NewStore();

        Assert.Null(await store.StatAsync("missing", Ct));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ThrowsNotFound()
    {
        using GcsStore store = GcsEmulator.NewStore();

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync("missing", Ct));

        Assert.Equal(BronzeErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task PutIfAbsentAsync_InvalidKey_ThrowsInvalidBeforeAnyRequest()
    {
        using GcsStore store = GcsEmulator.NewStore();

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("../x", new MemoryStream(), Ct));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
    }

    private static async Task<byte[]> ReadAllAsync(GcsStore store, string key)
    {
        await using Stream stream = await store.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private static async Task<List<string>> ListKeysAsync(GcsStore store, string prefix)
    {
        List<string> keys = [];
        await foreach (ObjectInfo info in store.ListAsync(prefix, Ct)) keys.Add(info.Key);
        return keys;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
