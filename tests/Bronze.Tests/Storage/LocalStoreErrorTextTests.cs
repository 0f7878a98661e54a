using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// The exact words of a local store's errors where only the words tell two failures apart: the argument a bad call
/// names, the rule a bad file path breaks, and what holds a key's name or path when a put or read cannot proceed.
/// </summary>
public sealed class LocalStoreErrorTextTests : IDisposable
{
    /// <summary>A regular file no process may read, root included (sysctl files check their mode for everyone).</summary>
    private const string WriteOnlyFile = "/proc/sys/vm/drop_caches";

    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Constructor_RootBelowAFile_ThrowsStoreFailureNamingTheRoot()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string file = Path.Join(store.Root, "file");
        await File.WriteAllBytesAsync(file, [1], Ct);
        string root = Path.Join(file, "root");

        var error = Assert.Throws<BronzeException>(() => new LocalStore(root));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.StartsWith($"Local store: cannot create the store's root folder '{root}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_NullOrEmpty_NameTheParameter()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();

        Assert.Equal("rootDirectory", Assert.Throws<ArgumentException>(() => new LocalStore("")).ParamName);
        Assert.Equal("rootDirectory", Assert.Throws<ArgumentNullException>(() => new LocalStore(null!)).ParamName);
        Assert.Equal("filePath", (await Assert.ThrowsAsync<ArgumentException>(() => store.PutFileIfAbsentAsync("k", "", Ct))).ParamName);
        Assert.Equal("filePath", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.PutFileIfAbsentAsync("k", null!, Ct))).ParamName);
        Assert.Equal("folderKey", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.DeleteStaleTempFilesAsync(null!, TimeSpan.Zero, Ct))).ParamName);
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_MissingFile_SaysItMustNameAnExistingFile()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        const string missing = "no-such-file-16"; // relative, and short enough to be quoted whole

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("k", missing, Ct));

        Assert.Equal($"file_path must name an existing file (got \"{missing}\").", error.Message);
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_UnreadableFile_ThrowsFailureNamingFilePathAndWritesNothing()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        Assert.True(File.Exists(WriteOnlyFile), $"{WriteOnlyFile} is missing");

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("k", WriteOnlyFile, Ct));

        // Denied, not missing: the file exists, so the caller must hear that it could not be read, not that it is absent.
        Assert.Equal((BronzeErrorKind.Failure, "file_path"), (error.Kind, error.Field));
        Assert.StartsWith($"Cannot read '{WriteOnlyFile}': ", error.Message, StringComparison.Ordinal);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Empty(Directory.GetFileSystemEntries(store.Root));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_NotFoundNamingKeyAndStore()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync("t/missing", Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
        Assert.Equal($"object 't/missing' in file://{store.Root} does not exist.", error.Message);
    }

    [Theory]
    [InlineData("OpenBeneath", "cannot open 't/p/o' in {0}: openat2 failed for 't/p/o': ")]
    [InlineData("Stat", "cannot stat for 't/p/o' in {0}: statx failed")]
    public async Task OpenReadAsync_CallFails_NamesTheStepKeyAndCall(string failing, string message)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);

        using (Failing(store, failing).Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync(Key, Ct));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
            Assert.StartsWith("Local store: " + message.Replace("{0}", store.Description, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("link", "a symbolic link")]
    [InlineData("folder", "a folder")]
    public async Task PutIfAbsentAsync_NameHeldByALinkOrFolder_ConflictSaysWhatHoldsIt(string holder, string described)
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string path = Path.Join(store.Root, "o");
        if (holder == "link") File.CreateSymbolicLink(path, "/elsewhere");
        else Directory.CreateDirectory(path);

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("o", new MemoryStream([1]), Ct));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Equal($"Local store: 'o' in file://{store.Root} is {described}, not a regular file; the store never opens one.", error.Message);
    }

    [Fact]
    public async Task PutIfAbsentAsync_PrefixIsAnObject_ConflictSaysSo()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync(Key + "/x", new MemoryStream([1]), Ct));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Equal($"Local store: a prefix of '{Key}/x' in file://{store.Root} is an object, not a folder.", error.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a/b")]
    public async Task DeleteStaleTempFilesAsync_NestedFolderUnreadable_NamesItsKey(string folder)
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        Directory.CreateDirectory(Path.Join(store.Root, "a", "b"));
        var recorder = new FileCallRecorder(store.Root) { Before = call => call == "ReadDirectory " + folder ? FileCallRecorder.EIO : 0 };

        using (recorder.Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.Zero, Ct));
            Assert.StartsWith($"Local store: cannot sweep stale temp files: dup failed for '{folder}': ", error.Message, StringComparison.Ordinal);
        }
    }
}
