using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// Another writer acting between a put's steps (through the <c>FileFaults</c> seam, just before the publish), and the
/// link(2) publish of file systems without RENAME_NOREPLACE: the first object published keeps its bytes.
/// </summary>
public sealed class LocalStoreRaceTests : IDisposable
{
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_AnotherWriterPublishesFirst_ReturnsAlreadyExistsAndKeepsTheirBytes()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
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
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
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
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        var recorder = Failing(store, "Rename", errno);

        PutResult result = await PutAsync(store, recorder, Key);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["Rename t/p/o", "Link t/p/o", "Unlink t/p/.bronze-tmp-*", "Fsync t/p"], recorder.Calls.Skip(13).Take(4));
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Join(store.Root, Key), Ct));
        Assert.Empty(TempFiles(store));
    }

    [Fact]
    public async Task PutIfAbsentAsync_AnotherWriterLinksFirst_ReturnsAlreadyExistsAndKeepsTheirBytes()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
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
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        var recorder = Failing(store, "Rename", errno);

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.DoesNotContain(recorder.Calls, c => c.StartsWith("Link", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
        Assert.Empty(TempFiles(store));
    }
}
