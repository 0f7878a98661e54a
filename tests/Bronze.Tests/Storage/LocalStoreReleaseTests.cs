using System.Runtime.InteropServices;
using Bronze.Storage;
using Bronze.Storage.Native;
using Bronze.Testing;
using Bronze.Testing.Streams;
using Microsoft.Win32.SafeHandles;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// What a local store gives back however an operation ends: every file and folder handle it opened is closed (a
/// long-running copier would otherwise run out of descriptors), and every pooled chunk buffer is returned once.
/// </summary>
public sealed class LocalStoreReleaseTests : IDisposable
{
    private const int EIO = FileCallRecorder.EIO;
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_EndingAnyWay_ClosesEveryHandleItOpened()
    {
        (LocalStore first, FileCallRecorder all) = _stores.NewStore();
        await PutAsync(first, all, Key);

        // -1: the put that succeeds; then each of its calls failing in turn.
        for (int failAt = -1; failAt < all.Calls.Count; failAt++)
        {
            (LocalStore store, FileCallRecorder _) = _stores.NewStore();
            var seen = new HandleCatcher(failAt);

            await using (var content = new BufferedStream(new MemoryStream(Content, writable: false)))
            using (FileFaults.Arm(seen.Decide))
            {
                try
                {
                    await store.PutIfAbsentAsync(Key, content, Ct);
                }
                catch (BronzeException) when (failAt >= 0)
                {
                }
            }

            if (failAt == -1) Assert.NotEmpty(seen.Handles);
            Assert.All(seen.Handles, h => Assert.True(h.IsClosed, $"a handle left open when call {failAt} failed"));
        }
    }

    [Theory]
    [InlineData("t/p/o", true)] // the stat of the opened file fails
    [InlineData("t/p", false)] // a folder: not found
    public async Task OpenReadAsync_Failing_ClosesTheFile(string key, bool statFails)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        var seen = new HandleCatcher(-1, statFails ? FileCall.Stat : null);

        using (FileFaults.Arm(seen.Decide))
            await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync(key, Ct));

        // The handle the stat was given is the opened file's own.
        SafeHandle file = Assert.Single(seen.HandlesOf(FileCall.Stat));
        Assert.True(file.IsClosed);
    }

    [Theory]
    [InlineData("created")]
    [InlineData("exists")]
    [InlineData("write fails")]
    [InlineData("source fails")]
    [InlineData("cancelled")]
    public async Task PutIfAbsentAsync_EndingAnyWay_ReturnsBothChunkBuffersOnce(string ending)
    {
        var pool = new CheckingPool();
        (LocalStore plain, FileCallRecorder _) = _stores.NewStore();
        var store = new LocalStore(plain.Root) { BufferPool = pool };
        if (ending == "exists") await store.PutIfAbsentAsync(Key, new MemoryStream([1]), Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Action? trigger = ending switch
        {
            "source fails" => () => throw new IOException("the source broke"),
            "cancelled" => cancel.Cancel,
            _ => null,
        };
        // Not a MemoryStream: read into the pooled buffers, with the trigger halfway through the second chunk.
        var content = new ScriptedReadStream(Content, maxRead: 1 << 18, triggerAt: 3 << 19, trigger);
        var recorder = new FileCallRecorder(store.Root) { Before = call => ending == "write fails" && call.StartsWith("Write", StringComparison.Ordinal) ? EIO : 0 };

        Task<PutResult> put;
        using (recorder.Arm())
            put = store.PutIfAbsentAsync(Key, content, cancel.Token);
        if (trigger is null && ending != "write fails")
            Assert.Equal(TestBytes.Sha256(Content), (await put).Sha256);
        else
            await Assert.ThrowsAnyAsync<Exception>(() => put);

        Assert.Equal((ending == "exists" ? 4 : 2, 0), (pool.Rented, pool.Outstanding)); // the first put of "exists" rented 2
        if (ending == "created") Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
    }

    [Fact]
    public async Task PutIfAbsentAsync_SourceFailingWhileAChunkIsWritten_ReleasesTheBufferAndFileOnlyAfterTheWrite()
    {
        var pool = new CheckingPool();
        (LocalStore plain, FileCallRecorder _) = _stores.NewStore();
        var store = new LocalStore(plain.Root) { BufferPool = pool };
        // One full chunk (the store's 1 MiB buffer), then a read that fails while that chunk's write is held in flight.
        var content = new GatedFailStream(Content[..(1 << 20)]);
        var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SafeHandle? file = null;

        Task<PutResult> put;
        using (FileFaults.ArmWriteHold((handle, _) =>
               {
                   file = handle;
                   return write.Task;
               }))
            put = store.PutIfAbsentAsync(Key, content, Ct);
        await content.Asked.Task.WaitAsync(Ct);
        // On a thread-pool thread (default scheduler): the put's code after the failed read runs inline, in Fail.
        await Task.Run(() => content.Fail(new IOException("the source broke")), Ct);

        Assert.False(put.IsCompleted);
        Assert.Equal(0, pool.Rented - pool.Outstanding); // no buffer returned while the write may still read it
        SafeHandle temp = Assert.IsAssignableFrom<SafeHandle>(file);
        Assert.False(temp.IsClosed);

        write.SetResult();
        Assert.Equal("the source broke", (await Assert.ThrowsAsync<IOException>(() => put)).Message);
        Assert.Equal((2, 0), (pool.Rented, pool.Outstanding)); // each back once
        Assert.True(temp.IsClosed);
        Assert.Empty(TempFiles(store));
    }

    /// <summary>A <see cref="FileFaults"/> plan that keeps every handle the calls are given, and fails one call.</summary>
    private sealed class HandleCatcher(int failAt, FileCall? failing = null)
    {
        private readonly List<(FileCall Call, SafeHandle Handle)> _seen = [];
        private int _count;

        public IReadOnlyList<SafeHandle> Handles
        {
            get
            {
                lock (_seen) return [.. _seen.Select(s => s.Handle)];
            }
        }

        public IEnumerable<SafeHandle> HandlesOf(FileCall call)
        {
            lock (_seen) return [.. _seen.Where(s => s.Call == call).Select(s => s.Handle)];
        }

        public int Decide(FileCall call, SafeHandle? handle, string name)
        {
            lock (_seen)
            {
                if (handle is SafeFileHandle file) _seen.Add((call, file));
                return _count++ == failAt || call == failing ? EIO : 0;
            }
        }
    }
}
