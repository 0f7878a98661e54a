using System.Security.Cryptography;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Testing.Streams;

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
    public async Task PutIfAbsentAsync_UnknownLengthStreamInSeveralChunks_StoresEveryByte()
    {
        using GcsStore store = GcsEmulator.NewStore(chunkSize: GcsStoreOptions.ChunkSizeUnit);
        byte[] data = RandomBytes(3 * GcsStoreOptions.ChunkSizeUnit + 77, seed: 5);

        PutResult result = await store.PutIfAbsentAsync("stream.bin", new ScriptedReadStream(data, maxRead: 1000), Ct);

        Assert.Equal(Sha256(data), result.Sha256);
        Assert.Equal(data, await ReadAllAsync(store, "stream.bin"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_NewKeyInSeveralChunks_SendsACrc32CTheServerChecksBeforeCommitting(bool fromFile)
    {
        GcsStoreOptions options = GcsEmulator.Options(chunkSize: GcsStoreOptions.ChunkSizeUnit);
        using var store = new GcsStore(options);
        byte[] data = RandomBytes((3 * GcsStoreOptions.ChunkSizeUnit) + 5, seed: 12);
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "checked.bin");
        await File.WriteAllBytesAsync(file, data, Ct);

        PutResult result = fromFile
            ? await store.PutFileIfAbsentAsync("checked", file, Ct)
            : await store.PutIfAbsentAsync("checked", new ScriptedReadStream(data, maxRead: 1000), Ct);

        Assert.True(result.Created);
        Assert.Equal(new GcsEmulator.SessionCounts(Active: 0, Cancelled: 0, Crc32CChecked: 1), await GcsEmulator.SessionsAsync(options, "checked", Ct));
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
    public async Task ListAsync_MorePagesThanOne_ListsEveryKeyOnce()
    {
        using var store = new GcsStore(GcsEmulator.Options() with { ListPageSize = 2 });
        string[] keys = [.. Enumerable.Range(0, 7).Select(i => $"p/{i:D2}")];
        foreach (string key in keys) await store.PutIfAbsentAsync(key, new MemoryStream([7]), Ct);

        List<string> listed = await ListKeysAsync(store, "p/");

        Assert.Equal(keys, listed);
    }

    [Fact]
    public async Task PutIfAbsentAsync_KeyTooLongUnderThePrefix_ThrowsInvalidBeforeAnyRequest()
    {
        GcsStoreOptions options = GcsEmulator.Options();
        using var store = new GcsStore(options);
        string key = string.Join('/', Enumerable.Repeat(new string('k', 200), 5));

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync(key, new MemoryStream([1]), Ct));

        Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (e.Kind, e.Field));
        Assert.Equal(new GcsEmulator.SessionCounts(Active: 0, Cancelled: 0), await GcsEmulator.SessionsAsync(options, key, Ct));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutIfAbsentAsync_StoppedMidUpload_CancelsItsSessionAndLeavesNoObject(bool cancelled)
    {
        GcsStoreOptions options = GcsEmulator.Options(chunkSize: GcsStoreOptions.ChunkSizeUnit);
        using var store = new GcsStore(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Action trigger = cancelled ? stop.Cancel : () => throw new IOException("the source broke");
        var content = new ScriptedReadStream(RandomBytes(8 * GcsStoreOptions.ChunkSizeUnit, seed: 9), triggerAt: 4 * GcsStoreOptions.ChunkSizeUnit, trigger: trigger);

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => store.PutIfAbsentAsync("stopped", content, stop.Token));

        Assert.True(cancelled == error is OperationCanceledException, error.ToString());
        Assert.Null(await store.StatAsync("stopped", Ct));
        Assert.Equal(new GcsEmulator.SessionCounts(Active: 0, Cancelled: 1), await GcsEmulator.SessionsAsync(options, "stopped", Ct));
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
