using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// Cancellation of every long walk a local store makes (hashing content, a listing, a sweep), how it reads a source,
/// and a listing whose entries change between the folder read and the look at each entry.
/// </summary>
public sealed class LocalStoreCancelAndListTests : IDisposable
{
    private const int EAcces = 13;
    private const int ELoop = 40;
    private const int ENoEnt = 2;
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_CancelledWhileHashingAnExistingObjectsContent_ThrowsOperationCanceled()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        using var cancel = new CancellationTokenSource();
        // A visible buffer is sliced in place, one seek per slice: the token is cancelled once the first is taken.
        await using var content = new ObservedMemoryStream(Content, visible: true) { OnSeek = cancel.Cancel };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutIfAbsentAsync(Key, content, cancel.Token));

        Assert.True(content.Position < Content.Length, "the whole content was hashed");
    }

    [Fact]
    public async Task PutIfAbsentAsync_SourceFillsEachChunk_NeverAsksForAnEmptyRead()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        await using var content = new ObservedMemoryStream(Content, visible: false);

        PutResult result = await store.PutIfAbsentAsync(Key, content, Ct);

        // An empty read waits, on a socket or pipe, for more data to arrive before the chunk is written.
        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal([1 << 20, 1 << 20, 1 << 20, 1 << 19, 1 << 20], content.ReadSizes);
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_CancelledToken_ThrowsAndDeletesNothing()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string temp = Path.Join(store.Root, LocalStore.TempFilePrefix + "old");
        await File.WriteAllBytesAsync(temp, [1], Ct);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddHours(-2));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), cancelled.Token));

        Assert.True(File.Exists(temp));
    }

    [Fact]
    public async Task ListAsync_CancelledToken_ThrowsEvenForAnEmptyFolder()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ObjectInfo _ in store.ListAsync("", cancelled.Token)) { }
        });
    }

    [Fact]
    public async Task ListAsync_CancelledAfterTheFirstKey_StopsBeforeTheNext()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        await File.WriteAllBytesAsync(Path.Join(store.Root, "a"), [1], Ct);
        await File.WriteAllBytesAsync(Path.Join(store.Root, "b"), [1], Ct);
        using var cancel = new CancellationTokenSource();
        var listed = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ObjectInfo info in store.ListAsync("", cancel.Token))
            {
                listed.Add(info.Key);
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(["a"], listed);
    }

    [Fact]
    public async Task ListAsync_FileRemovedWhileListed_SkipsIt()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        await PutAsync(store, setup, "t/p/z", [1, 2]);
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call =>
            {
                if (call == "Stat t/p/o") File.Delete(Path.Join(store.Root, Key));
                return 0;
            },
        };

        using (recorder.Arm())
            Assert.Equal([new ObjectInfo("t/p/z", 2)], await ListAsync(store, "t/"));
    }

    [Fact]
    public async Task ListAsync_FileReplacedByALinkWhileListed_ListsALinkOfSizeZero()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        string path = Path.Join(store.Root, Key);
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call =>
            {
                if (call != "Stat t/p/o") return 0;
                File.Delete(path);
                File.CreateSymbolicLink(path, "/a/target/whose/name/is/not/empty");
                return 0;
            },
        };

        using (recorder.Arm())
            Assert.Equal([new ObjectInfo(Key, 0, ObjectKind.SymbolicLink)], await ListAsync(store, "t/"));
    }

    [Fact]
    public async Task ListAsync_FolderLinkAndFile_StatsOnlyTheFile()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, "d/a", [1]);
        File.CreateSymbolicLink(Path.Join(store.Root, "d", "l"), Path.Join(store.Root, "d", "a"));
        var recorder = new FileCallRecorder(store.Root);

        using (recorder.Arm())
        {
            Assert.Equal([new ObjectInfo("d/a", 1), new ObjectInfo("d/l", 0, ObjectKind.SymbolicLink)], await ListAsync(store, "d/"));
        }

        Assert.Equal(["Open", "OpenBeneath d", "ReadDirectory d", "Stat d/a"], recorder.Calls);
    }

    [Theory]
    [InlineData(EAcces, ObjectKind.UnreadableFolder)]
    [InlineData(ELoop, ObjectKind.SymbolicLink)] // swapped for a link after the folder was read
    [InlineData(ENoEnt, null)] // removed after the folder was read
    public async Task ListAsync_SubfolderCannotBeOpened_ListsItWithWhatItIsOrSkipsIt(int errno, ObjectKind? listedAs)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, "d/sub/x", [1]);
        await PutAsync(store, setup, "d/y", [1, 2]);
        var recorder = new FileCallRecorder(store.Root) { Before = call => call == "OpenBeneath d/sub" ? errno : 0 };

        List<ObjectInfo> listed;
        using (recorder.Arm())
            listed = await ListAsync(store, "d/");

        ObjectInfo[] expected = listedAs is { } kind ? [new ObjectInfo("d/sub", 0, kind), new ObjectInfo("d/y", 2)] : [new ObjectInfo("d/y", 2)];
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ReadRangeAsync_OffsetFarPastTheEndWithTheLargestLength_ReturnsNothing()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key, [1, 2, 3]);

        // Only what the file holds past the offset may be allocated, never the length asked for.
        Assert.Empty(await store.ReadRangeAsync(Key, 1L << 40, int.MaxValue, Ct));
        Assert.Equal([3], await store.ReadRangeAsync(Key, 2, int.MaxValue, Ct));
    }

    [Fact]
    public async Task ReadRangeAsync_FileHoldingLessThanItsStatedLength_ReadsOnFromWhereTheShortReadEnded()
    {
        // A sysfs file states a length of one page but holds a few bytes: the first read is short without being at the
        // end of the stated length, so the loop reads again, from offset + what it read (0 there: the end). The same
        // happens to a regular file that shrinks after its length was read, or to a range over ~2 GiB (Linux returns at
        // most 0x7ffff000 bytes a read), neither of which a test can set up cheaply.
        const string Folder = "/sys/devices/system/cpu";
        // Read to the end, not to the stated length (File.ReadAllBytesAsync expects the stated length).
        var held = new MemoryStream();
        await using (FileStream online = File.OpenRead(Path.Join(Folder, "online")))
            await online.CopyToAsync(held, Ct);
        Assert.InRange(held.Length, 2, new FileInfo(Path.Join(Folder, "online")).Length - 1);
        var store = new LocalStore(Folder);

        Assert.Equal(held.ToArray()[1..], await store.ReadRangeAsync("online", 1, 100, Ct));
    }
}
