using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// A put under file-system failures, through the <c>FileFaults</c> seam: every call a put makes is failed in turn, and
/// each failure must surface as a store failure that publishes nothing partial and leaves no temp file; the calls
/// themselves must come in the order that makes a published object durable.
/// </summary>
public sealed class LocalStoreFaultTests : IDisposable
{
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The system call each kind of call names in its error message.</summary>
    private static readonly Dictionary<string, string> SystemCall = new()
    {
        ["Open"] = "open", ["OpenBeneath"] = "openat2", ["MakeDirectory"] = "mkdirat", ["Stat"] = "statx", ["Create"] = "openat",
        ["Write"] = "write", ["Fsync"] = "fsync", ["Rename"] = "renameat2",
    };

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_NewFolders_FlushesTheFileBeforePublishAndEveryNewEntryAfter()
    {
        (LocalStore store, FileCallRecorder recorder) = _stores.NewStore();

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(
            [
                "Open", "OpenBeneath t", "MakeDirectory t", "OpenBeneath t", "OpenBeneath t/p", "MakeDirectory t/p", "OpenBeneath t/p",
                "Stat t/p/o", "Create t/p/.bronze-tmp-*", "Write t/p/.bronze-tmp-*", "Write t/p/.bronze-tmp-*", "Write t/p/.bronze-tmp-*",
                "Fsync t/p/.bronze-tmp-*", "Rename t/p/o", "Fsync t/p", "Fsync", "Fsync t",
            ],
            recorder.Calls);
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
    }

    [Theory]
    [InlineData("t/p/o2", new[] { "Fsync t/p", "Fsync t" })]
    [InlineData("t/o2", new[] { "Fsync t", "Fsync" })]
    [InlineData("o2", new[] { "Fsync" })]
    public async Task PutIfAbsentAsync_ExistingFolders_FlushesTheObjectsFolderAndItsParent(string key, string[] flushes)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        var recorder = new FileCallRecorder(store.Root);

        await PutAsync(store, recorder, key);

        IEnumerable<string> afterPublish = recorder.Calls.SkipWhile(c => !c.StartsWith("Rename", StringComparison.Ordinal)).Skip(1);
        Assert.Equal(flushes, afterPublish);
        Assert.DoesNotContain(recorder.Calls, c => c.StartsWith("MakeDirectory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutIfAbsentAsync_FolderMadeByAnotherWriterMeanwhile_DoesNotFlushItsParent()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call =>
            {
                if (call == "MakeDirectory t") Directory.CreateDirectory(Path.Join(store.Root, "t"));
                return 0;
            },
        };

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["Fsync t/p", "Fsync t"], recorder.Calls.SkipWhile(c => !c.StartsWith("Rename", StringComparison.Ordinal)).Skip(1));
    }

    [Fact]
    public async Task PutIfAbsentAsync_ExistingObject_ReadsTheContentButWritesNothing()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        var recorder = new FileCallRecorder(store.Root);

        PutResult result = await PutAsync(store, recorder, Key, TestBytes.Create(10, seed: 3));

        Assert.Equal((PutOutcome.AlreadyExists, 10L, TestBytes.Sha256(TestBytes.Create(10, seed: 3))), (result.Outcome, result.Size, result.Sha256));
        Assert.Equal(["Open", "OpenBeneath t", "OpenBeneath t/p", "Stat t/p/o"], recorder.Calls);
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
    }

    [Fact]
    public async Task PutIfAbsentAsync_EachFileCallFailing_ThrowsStoreFailureAndPublishesNothingPartial()
    {
        (LocalStore first, FileCallRecorder all) = _stores.NewStore();
        await PutAsync(first, all, Key);
        int publish = all.Calls.ToList().IndexOf("Rename t/p/o");

        for (int failAt = 0; failAt < all.Calls.Count; failAt++)
        {
            (LocalStore store, FileCallRecorder _) = _stores.NewStore();
            var recorder = new FileCallRecorder(store.Root) { FailAt = failAt };

            var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

            string failed = all.Calls[failAt];
            Assert.True(error.Kind == BronzeErrorKind.StoreFailure, $"{failed}: {error.Kind} {error.Message}");
            Assert.False(error.IsTransient, failed);
            Assert.Contains($"'{Key}'", error.Message, StringComparison.Ordinal);
            Assert.IsType<IOException>(error.InnerException);
            Assert.Contains($"{SystemCall[failed.Split(' ')[0]]} failed", error.Message, StringComparison.Ordinal);
            Assert.Contains("(errno 5)", error.Message, StringComparison.Ordinal);
            string final = Path.Join(store.Root, Key);
            if (failAt <= publish) Assert.False(File.Exists(final), failed);
            else Assert.Equal(Content, await File.ReadAllBytesAsync(final, Ct)); // a folder's fsync after the publish
            Assert.Empty(TempFiles(store));
        }
    }

    [Fact]
    public async Task PutIfAbsentAsync_CleanupFailsToo_ReportsThePublishFailureAndLeavesOnlyAHiddenTemp()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith("Rename", StringComparison.Ordinal) || call.StartsWith("Unlink", StringComparison.Ordinal) ? FileCallRecorder.EIO : 0 };

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.Contains("publish", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unlink t/p/.bronze-tmp-*", recorder.Calls);
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
        Assert.Single(TempFiles(store));
        Assert.Empty(await ListAsync(store));
    }
}
