using Bronze.Errors;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>
/// A put under file-system failures and racing writers, through the <c>FileFaults</c> seam: every call a put makes is
/// failed in turn, and each failure must surface as a store failure that publishes nothing partial and leaves no temp
/// file; the calls themselves must come in the order that makes a published object durable.
/// </summary>
public sealed class LocalStoreFaultTests : IDisposable
{
    private const string Key = "t/p/o";
    private static readonly byte[] Content = TestBytes.Create((5 << 20) / 2, seed: 16); // three chunks of the 1 MiB buffer
    private static readonly byte[] Theirs = TestBytes.Create(300, seed: 61);
    private readonly TempDirectory _temp = new();
    private int _stores;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_NewFolders_FlushesTheFileBeforePublishAndEveryNewEntryAfter()
    {
        (LocalStore store, FileCallRecorder recorder) = NewStore();

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
        (LocalStore store, FileCallRecorder setup) = NewStore();
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
        (LocalStore store, FileCallRecorder _) = NewStore();
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
        (LocalStore store, FileCallRecorder setup) = NewStore();
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
        (LocalStore first, FileCallRecorder all) = NewStore();
        await PutAsync(first, all, Key);
        int publish = all.Calls.ToList().IndexOf("Rename t/p/o");

        for (int failAt = 0; failAt < all.Calls.Count; failAt++)
        {
            (LocalStore store, FileCallRecorder _) = NewStore();
            var recorder = new FileCallRecorder(store.Root) { FailAt = failAt };

            var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

            string failed = all.Calls[failAt];
            Assert.True(error.Kind == BronzeErrorKind.StoreFailure, $"{failed}: {error.Kind} {error.Message}");
            Assert.False(error.IsTransient, failed);
            Assert.Contains($"'{Key}'", error.Message, StringComparison.Ordinal);
            Assert.IsType<IOException>(error.InnerException);
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
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith("Rename", StringComparison.Ordinal) || call.StartsWith("Unlink", StringComparison.Ordinal) ? FileCallRecorder.EIO : 0 };

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.Contains("publish", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unlink t/p/.bronze-tmp-*", recorder.Calls);
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
        Assert.Single(TempFiles(store));
        Assert.Empty(await ListAsync(store));
    }

    [Fact]
    public async Task PutIfAbsentAsync_AnotherWriterPublishesFirst_ReturnsAlreadyExistsAndKeepsTheirBytes()
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => RaceOn(call, "Rename", store) };

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal((PutOutcome.AlreadyExists, (long)Content.Length, TestBytes.Sha256(Content)), (result.Outcome, result.Size, result.Sha256));
        Assert.Equal(Theirs, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
        Assert.Empty(TempFiles(store));
        Assert.DoesNotContain(recorder.Calls, c => c.StartsWith("Fsync t", StringComparison.Ordinal) && !c.Contains("tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutIfAbsentAsync_AnotherWriterMakesAFolderOfTheName_ThrowsConflict()
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call =>
            {
                if (call == "Rename t/p/o") Directory.CreateDirectory(Path.Join(store.Root, Key));
                return 0;
            },
        };

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Empty(TempFiles(store));
    }

    [Theory]
    [InlineData(22)] // EINVAL: the file system has no RENAME_NOREPLACE
    [InlineData(38)] // ENOSYS
    [InlineData(95)] // ENOTSUP
    public async Task PutIfAbsentAsync_RenameNoReplaceUnsupported_PublishesThroughALink(int errno)
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith("Rename", StringComparison.Ordinal) ? errno : 0 };

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["Rename t/p/o", "Link t/p/o", "Unlink t/p/.bronze-tmp-*", "Fsync t/p"], recorder.Calls.Skip(13).Take(4));
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
        Assert.Empty(TempFiles(store));
    }

    [Fact]
    public async Task PutIfAbsentAsync_AnotherWriterLinksFirst_ReturnsAlreadyExistsAndKeepsTheirBytes()
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root)
        {
            Before = call => call.StartsWith("Rename", StringComparison.Ordinal) ? 22 : RaceOn(call, "Link", store),
        };

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.AlreadyExists, result.Outcome);
        Assert.Equal(Theirs, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
        Assert.Empty(TempFiles(store));
    }

    [Theory]
    [InlineData(18)] // EXDEV
    [InlineData(13)] // EACCES
    [InlineData(2)] // ENOENT
    public async Task PutIfAbsentAsync_RenameFailsOtherwise_ThrowsStoreFailureWithoutTryingALink(int errno)
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith("Rename", StringComparison.Ordinal) ? errno : 0 };

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.DoesNotContain(recorder.Calls, c => c.StartsWith("Link", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
        Assert.Empty(TempFiles(store));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_NegativeAge_ThrowsAndDeletesNothing()
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        string temp = Path.Join(store.Root, LocalStore.TempFilePrefix + "live");
        await File.WriteAllBytesAsync(temp, [1], Ct);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddSeconds(-5));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(-1), Ct));

        Assert.True(File.Exists(temp));
        Assert.Equal(1, await store.DeleteStaleTempFilesAsync(TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_OnlyOldTempFiles_LeavesObjectsFoldersAndLinksWithTheTempName()
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        string folder = Path.Join(store.Root, "a", LocalStore.TempFilePrefix + "folder");
        string link = Path.Join(store.Root, "a", LocalStore.TempFilePrefix + "link");
        string nested = Path.Join(store.Root, "a", "b", LocalStore.TempFilePrefix + "old");
        string obj = Path.Join(store.Root, "a", "b", "object");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        await File.WriteAllBytesAsync(nested, [1], Ct);
        await File.WriteAllBytesAsync(obj, [1], Ct);
        File.CreateSymbolicLink(link, obj);
        foreach (string old in (string[])[nested, obj]) File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        int deleted = await store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), Ct);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(nested));
        Assert.True(File.Exists(obj) && Directory.Exists(folder) && File.Exists(link));
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("ReadDirectory")]
    public async Task DeleteStaleTempFilesAsync_FolderUnreadable_ThrowsStoreFailure(string failing)
    {
        (LocalStore store, FileCallRecorder _) = NewStore();
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith(failing, StringComparison.Ordinal) ? FileCallRecorder.EIO : 0 };

        using (recorder.Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.Zero, Ct));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        }
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("OpenBeneath")]
    [InlineData("ReadDirectory")]
    [InlineData("Stat")]
    public async Task ListAsync_FileCallFails_ThrowsStoreFailure(string failing)
    {
        (LocalStore store, FileCallRecorder setup) = NewStore();
        await PutAsync(store, setup, Key);
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith(failing, StringComparison.Ordinal) ? FileCallRecorder.EIO : 0 };

        using (recorder.Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => ListAsync(store, "t/"));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        }
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("OpenBeneath")]
    [InlineData("Stat")]
    public async Task StatAndOpenReadAsync_FileCallFails_ThrowStoreFailure(string failing)
    {
        (LocalStore store, FileCallRecorder setup) = NewStore();
        await PutAsync(store, setup, Key);
        var recorder = new FileCallRecorder(store.Root) { Before = call => call.StartsWith(failing, StringComparison.Ordinal) ? FileCallRecorder.EIO : 0 };

        using (recorder.Arm())
        {
            Assert.Equal(BronzeErrorKind.StoreFailure, (await Assert.ThrowsAsync<BronzeException>(() => store.StatAsync(Key, Ct))).Kind);
            Assert.Equal(BronzeErrorKind.StoreFailure, (await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync(Key, Ct))).Kind);
        }
    }

    private static int RaceOn(string call, string step, LocalStore store)
    {
        if (call.StartsWith(step, StringComparison.Ordinal)) File.WriteAllBytes(Path.Join(store.Root, Key), Theirs);
        return 0;
    }

    private (LocalStore Store, FileCallRecorder Recorder) NewStore()
    {
        var store = new LocalStore(Path.Join(_temp.Path, $"store{_stores++}"));
        return (store, new FileCallRecorder(store.Root));
    }

    private static async Task<PutResult> PutAsync(LocalStore store, FileCallRecorder recorder, string key, byte[]? bytes = null)
    {
        // Not a MemoryStream: the chunks go through the pooled buffers, one write per 1 MiB.
        await using var content = new BufferedStream(new MemoryStream(bytes ?? Content, writable: false));
        using (recorder.Arm())
            return await store.PutIfAbsentAsync(key, content, Ct);
    }

    private static async Task<List<ObjectInfo>> ListAsync(LocalStore store, string prefix = "")
    {
        var all = new List<ObjectInfo>();
        await foreach (ObjectInfo info in store.ListAsync(prefix, Ct)) all.Add(info);
        return all;
    }

    private static string[] TempFiles(LocalStore store) =>
        Directory.GetFiles(store.Root, LocalStore.TempFilePrefix + "*", SearchOption.AllDirectories);
}
