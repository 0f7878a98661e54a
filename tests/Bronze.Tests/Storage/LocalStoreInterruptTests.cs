using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// System calls interrupted by a signal (EINTR) or a racing rename (EAGAIN) are retried, arguments are checked before
/// any I/O, and a cancellation that arrives once the temp file is on disk still publishes nothing.
/// </summary>
public sealed class LocalStoreInterruptTests : IDisposable
{
    private const int EIntr = 4;
    private const int EAgain = 11;
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("Open", EIntr)]
    [InlineData("OpenBeneath", EIntr)]
    [InlineData("OpenBeneath", EAgain)]
    [InlineData("MakeDirectory", EIntr)]
    [InlineData("Stat", EIntr)]
    [InlineData("Create", EIntr)]
    [InlineData("Fsync", EIntr)]
    [InlineData("Rename", EIntr)]
    public async Task PutIfAbsentAsync_CallInterruptedOnce_RetriesItAndPublishes(string kind, int errno)
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        int interrupted = 0;
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call => call.StartsWith(kind, StringComparison.Ordinal) && Interlocked.Increment(ref interrupted) == 1 ? errno : 0,
        };

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
        Assert.True(interrupted > 1, $"{kind} ran once only");
    }

    [Fact]
    public async Task PutIfAbsentAsync_CancelledOnceTheTempIsOnDisk_PublishesNothing()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        using var cancel = new CancellationTokenSource();
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call =>
            {
                if (call == "Fsync t/p/.bronze-tmp-*") cancel.Cancel();
                return 0;
            },
        };

        await using var content = new BufferedStream(new MemoryStream(Content, writable: false));
        using (recorder.Arm())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutIfAbsentAsync(Key, content, cancel.Token));

        Assert.DoesNotContain(recorder.Calls, c => c.StartsWith("Rename", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
        Assert.Empty(TempFiles(store));
    }

    [Theory]
    [InlineData("a//b")]
    [InlineData(".hidden")]
    [InlineData("a/b/")]
    public async Task Puts_InvalidKey_ThrowInvalidInputNamingKeyAndWriteNothing(string key)
    {
        (LocalStore store, FileCallRecorder recorder) = _stores.NewStore();
        string file = Path.Join(store.Root, "..", "source");
        await File.WriteAllBytesAsync(file, [1], Ct);

        using (recorder.Arm())
        {
            var put = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync(key, new MemoryStream([1]), Ct));
            var putFile = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync(key, file, Ct));
            Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (put.Kind, put.Field));
            Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (putFile.Kind, putFile.Field));
        }

        Assert.Empty(recorder.Calls);
    }

    [Fact]
    public async Task Puts_MissingArguments_ThrowArgumentExceptions()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.PutIfAbsentAsync("k", null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutFileIfAbsentAsync("k", "", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.DeleteStaleTempFilesAsync(null!, TimeSpan.Zero, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadRangeAsync("k", -1, 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadRangeAsync("k", 0, -1, Ct));
    }

    [Theory]
    [InlineData("no-such-file")]
    [InlineData("no-such-folder/file")]
    public async Task PutFileIfAbsentAsync_MissingFile_ThrowsInvalidInputNamingFilePath(string missing)
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("k", Path.Join(store.Root, missing), Ct));

        Assert.Equal((BronzeErrorKind.InvalidInput, "file_path"), (error.Kind, error.Field));
    }

    [Fact]
    public async Task StatAndOpenReadAsync_CancelledToken_ThrowBeforeAnyCall()
    {
        (LocalStore store, FileCallRecorder recorder) = _stores.NewStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        using (recorder.Arm())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.StatAsync("k", cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.OpenReadAsync("k", cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1]), cancelled.Token));
        }

        Assert.Empty(recorder.Calls);
    }

    [Fact]
    public async Task ListAsync_NameThatPrefixesOthers_ListsInOrdinalOrderOfWholeKeys()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        foreach (string key in (string[])["b0", "b.d/e", "b-c", "b"])
        {
            string path = Path.Join(store.Root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [1], Ct);
        }

        List<ObjectInfo> listed = await ListAsync(store);

        Assert.Equal(["b", "b-c", "b.d/e", "b0"], listed.Select(o => o.Key));
    }
}
