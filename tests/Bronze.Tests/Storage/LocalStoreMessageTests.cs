using System.Globalization;
using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// What a store failure tells its reader: the step that failed (the "what"), the key and the store, then the system
/// call and errno; and a cancelled token stops a put before the store touches anything.
/// </summary>
public sealed class LocalStoreMessageTests : IDisposable
{
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    /// <summary>The step each call of a put into two new folders names, in the order of the put's calls.</summary>
    private static readonly string[] PutSteps =
    [
        "cannot open the root folder for 't/p/o'", "cannot open a folder of 't/p/o'", "cannot create its folder for 't/p/o'",
        "cannot open a folder of 't/p/o'", "cannot open a folder of 't/p/o'", "cannot create its folder for 't/p/o'",
        "cannot open a folder of 't/p/o'", "cannot stat for 't/p/o'", "cannot create a temp file for 't/p/o'",
        "cannot write 't/p/o'", "cannot write 't/p/o'", "cannot write 't/p/o'", "cannot flush a temp file to disk for 't/p/o'",
        "cannot publish the object for 't/p/o'", "cannot flush its folder to disk for 't/p/o'",
        "cannot flush a folder's entry to disk for 't/p/o'", "cannot flush a folder's entry to disk for 't/p/o'",
    ];

    [Fact]
    public async Task PutIfAbsentAsync_EachFileCallFailing_NamesTheStepKeyAndStore()
    {
        for (int failAt = 0; failAt < PutSteps.Length; failAt++)
        {
            (LocalStore store, FileCallRecorder _) = _stores.NewStore();
            var recorder = new FileCallRecorder(store.Root) { FailAt = failAt };

            var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, recorder, Key));

            Assert.StartsWith($"Local store: {PutSteps[failAt]} in file://{store.Root}: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StatAsync_StatFailing_NamesTheStepAndKey()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        FileCallRecorder recorder = Failing(store, "Stat");

        using (recorder.Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(async () => await store.StatAsync(Key, Ct));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
            Assert.StartsWith($"Local store: cannot stat for '{Key}' in file://{store.Root}: statx failed", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("OpenBeneath", "cannot list the folder 't': openat2 failed")]
    [InlineData("ReadDirectory", "cannot list a folder for 't' in {0}: dup failed")]
    [InlineData("Stat", "cannot stat for 't/p/o' in {0}: statx failed")]
    public async Task ListAsync_FileCallFailing_NamesTheStepAndFolderOrKey(string failing, string message)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);

        using (Failing(store, failing).Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => ListAsync(store, "t/"));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
            Assert.StartsWith("Local store: " + string.Format(CultureInfo.InvariantCulture, message, store.Description), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenReadAsync_Folder_NotFoundNamingTheKey()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);

        var error = await Assert.ThrowsAsync<BronzeException>(async () => await store.OpenReadAsync("t/p", Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
        Assert.Contains($"object 't/p' in file://{store.Root}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_CancelledToken_ThrowsBeforeLookingAtTheFileOrTheStore()
    {
        (LocalStore store, FileCallRecorder recorder) = _stores.NewStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        using (recorder.Arm())
        {
            // A missing file: only a check of the token before the file is opened makes this a cancellation.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                store.PutFileIfAbsentAsync(Key, Path.Join(store.Root, "missing"), cancelled.Token));
        }

        Assert.Empty(recorder.Calls);
        Assert.False(File.Exists(Path.Join(store.Root, Key)));
    }
}
