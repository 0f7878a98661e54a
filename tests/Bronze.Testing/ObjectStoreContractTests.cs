using Bronze.Storage;

namespace Bronze.Testing;

/// <summary>
/// The contract every <see cref="IObjectStore"/> passes, as FluentStorage's <c>BlobTest</c>: a store is done when it
/// passes the same suite as the others. Derive once per store (and per server), return a fresh, empty store from
/// <see cref="CreateStoreAsync"/> for every test (a new temp folder, a new bucket, or a unique root prefix inside a
/// shared bucket), and override the sizes and hooks where a server needs it.
/// </summary>
/// <remarks>
/// xunit creates one instance per test, so each test has its own store. Tests use fixed keys inside that store and
/// never assume a local disk. The first test checks that the store really starts empty.
/// </remarks>
public abstract partial class ObjectStoreContractTests : IAsyncLifetime
{
    /// <summary>Stands for <see cref="LargeObjectSize"/> in theory data, which must be constant.</summary>
    protected const int Large = -1;

    private IObjectStore? _store;

    /// <summary>The store under test, fresh and empty for each test.</summary>
    protected IObjectStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The size of the "multi-MiB" object in round trips and of the object cancelled mid-write (default 6 MiB + 123
    /// bytes: several 1 MiB buffers and a ragged end). A store that switches to multipart uploads above some size
    /// returns a size above that threshold here.
    /// </summary>
    protected virtual int LargeObjectSize => (6 << 20) + 123;

    /// <summary>The size of each concurrent writer's object (default 256 KiB + 7).</summary>
    protected virtual int ConcurrentObjectSize => (256 << 10) + 7;

    /// <summary>How many writers race for one key (default 16).</summary>
    protected virtual int ConcurrentWriters => 16;

    /// <summary>Creates a fresh, empty store for one test.</summary>
    protected abstract ValueTask<IObjectStore> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made (a temp folder, a client); the default does nothing.</summary>
    /// <param name="store">The store the test used.</param>
    protected virtual ValueTask DisposeStoreAsync(IObjectStore store) => ValueTask.CompletedTask;

    /// <summary>
    /// Asserts that a cancelled or failed write of <paramref name="key"/> left no temporary state behind that the
    /// contract cannot see (hidden temp files, unfinished multipart uploads). The listing check is done by the suite;
    /// the default adds nothing.
    /// </summary>
    /// <param name="key">The key whose write was cancelled or failed.</param>
    protected virtual Task AssertNoTemporaryStateAsync(string key) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await DisposeStoreAsync(_store);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads an object back whole.</summary>
    /// <param name="key">The key.</param>
    protected async Task<byte[]> ReadAllAsync(string key)
    {
        await using Stream stream = await Store.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>Lists the keys under a prefix, in the order the store returns them.</summary>
    /// <param name="prefix">The prefix.</param>
    protected async Task<List<ObjectInfo>> ListAllAsync(string prefix)
    {
        var all = new List<ObjectInfo>();
        await foreach (ObjectInfo info in Store.ListAsync(prefix, Ct)) all.Add(info);
        return all;
    }

    /// <summary>Writes <paramref name="bytes"/> under <paramref name="key"/> and asserts the store created it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="bytes">The content.</param>
    protected async Task<PutResult> PutNewAsync(string key, byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        PutResult result = await Store.PutIfAbsentAsync(key, content, Ct);
        Assert.Equal(PutOutcome.Created, result.Outcome);
        return result;
    }

    private int SizeOf(int size) => size == Large ? LargeObjectSize : size;
}
