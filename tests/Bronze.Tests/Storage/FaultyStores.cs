using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>Fresh local stores in one temp folder, and the content and calls the fault tests share.</summary>
internal sealed class FaultyStores : IDisposable
{
    /// <summary>The key the tests put: two folders deep, so a put creates folders.</summary>
    public const string Key = "t/p/o";

    private readonly TempDirectory _temp = new();
    private int _count;

    /// <summary>Three chunks of the store's 1 MiB buffer, so a put makes three writes.</summary>
    public static byte[] Content { get; } = TestBytes.Create((5 << 20) / 2, seed: 16);

    /// <summary>What another writer publishes under the same key.</summary>
    public static byte[] Theirs { get; } = TestBytes.Create(300, seed: 61);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    /// <summary>A store in a new empty root, and a recorder for its calls.</summary>
    public (LocalStore Store, FileCallRecorder Recorder) NewStore()
    {
        var store = new LocalStore(Path.Join(_temp.Path, $"store{_count++}"));
        return (store, new FileCallRecorder(store.Root));
    }

    /// <summary>A recorder that fails every call of one kind (e.g. <c>Rename</c>) with <paramref name="errno"/>.</summary>
    public static FileCallRecorder Failing(LocalStore store, string kind, int errno = FileCallRecorder.EIO) =>
        new(store.Root) { Before = call => call.StartsWith(kind, StringComparison.Ordinal) ? errno : 0 };

    /// <summary>Another writer publishing <see cref="Theirs"/> under <see cref="Key"/> just before the call of <paramref name="kind"/>.</summary>
    public static int RaceOn(string call, string kind, LocalStore store)
    {
        if (call.StartsWith(kind, StringComparison.Ordinal)) File.WriteAllBytes(Path.Join(store.Root, Key), Theirs);
        return 0;
    }

    /// <summary>Puts <paramref name="bytes"/> (default <see cref="Content"/>) with <paramref name="recorder"/> armed.</summary>
    public static async Task<PutResult> PutAsync(LocalStore store, FileCallRecorder recorder, string key, byte[]? bytes = null)
    {
        // Not a MemoryStream: the chunks go through the pooled buffers, one write per 1 MiB.
        await using var content = new BufferedStream(new MemoryStream(bytes ?? Content, writable: false));
        using (recorder.Arm())
            return await store.PutIfAbsentAsync(key, content, Ct);
    }

    /// <summary>Everything a listing yields.</summary>
    public static async Task<List<ObjectInfo>> ListAsync(LocalStore store, string prefix = "")
    {
        var all = new List<ObjectInfo>();
        await foreach (ObjectInfo info in store.ListAsync(prefix, Ct)) all.Add(info);
        return all;
    }

    /// <summary>The temp files anywhere under the store's root.</summary>
    public static string[] TempFiles(LocalStore store) =>
        Directory.GetFiles(store.Root, LocalStore.TempFilePrefix + "*", SearchOption.AllDirectories);
}
