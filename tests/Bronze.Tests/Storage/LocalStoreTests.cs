using System.Diagnostics;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>What only a local store has: files, folders, hidden temp files and a root folder to stay inside.</summary>
public sealed class LocalStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalStore _store;

    public LocalStoreTests() => _store = new LocalStore(Path.Join(_temp.Path, "root"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Constructor_MissingRoot_CreatesItAndDescribesIt()
    {
        string root = Path.Join(_temp.Path, "new", "nested");

        var store = new LocalStore(root + "/");

        Assert.True(Directory.Exists(root));
        Assert.Equal(root, store.Root);
        Assert.Equal("file://" + root, store.Description);
    }

    [Fact]
    public async Task PutIfAbsentAsync_NewKey_WritesTheFileUnderTheRoot()
    {
        byte[] bytes = TestBytes.Create(1000, seed: 1);

        await Put("net/range=0-9/part-0-9.parquet", bytes);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Join(_store.Root, "net", "range=0-9", "part-0-9.parquet"), Ct));
        Assert.Empty(HiddenFiles());
    }

    [Fact]
    public async Task PutIfAbsentAsync_ExistingKey_LeavesTheSameFileUntouched()
    {
        await Put("object", TestBytes.Create(5000, seed: 1));
        string before = FileIdentity("object");

        PutResult result = await Put("object", TestBytes.Create(6000, seed: 2));

        Assert.Equal(PutOutcome.AlreadyExists, result.Outcome);
        Assert.Equal(before, FileIdentity("object"));
        Assert.Equal(TestBytes.Create(5000, seed: 1), await File.ReadAllBytesAsync(Path.Join(_store.Root, "object"), Ct));
        Assert.Empty(HiddenFiles());
    }

    [Fact]
    public async Task ListAsync_TempFilesAndForeignNames_ListsForeignNamesButNeverTempFiles()
    {
        await Put("p/a", [1]);
        await File.WriteAllBytesAsync(Path.Join(_store.Root, "p", LocalStore.TempFilePrefix + "abc"), [1, 2], Ct);
        await File.WriteAllBytesAsync(Path.Join(_store.Root, "p", "not a key.txt"), [1, 2], Ct);
        Directory.CreateDirectory(Path.Join(_store.Root, ".hidden-folder"));
        await File.WriteAllBytesAsync(Path.Join(_store.Root, ".hidden-folder", "b"), [1, 2], Ct);

        List<ObjectInfo> listed = await ListAll("");

        Assert.Equal([new ObjectInfo(".hidden-folder/b", 2), new ObjectInfo("p/a", 1), new ObjectInfo("p/not a key.txt", 2)], listed);
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("a/../../escaped")]
    [InlineData("..\\escaped")]
    [InlineData("/tmp/escaped")]
    [InlineData("a/%2e%2e/escaped")]
    public async Task PutIfAbsentAsync_KeyLeavingTheRoot_IsRejectedAndWritesNothing(string key)
    {
        using var content = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<BronzeException>(() => _store.PutIfAbsentAsync(key, content, Ct));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(["root"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(_store.Root));
    }

    [Fact]
    public async Task PutIfAbsentAsync_KeyBelowAnObject_ThrowsConflict()
    {
        await Put("a/b", [1]);

        var error = await Assert.ThrowsAsync<BronzeException>(() => Put("a/b/c", [2]));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Equal([new ObjectInfo("a/b", 1)], await ListAll(""));
    }

    [Fact]
    public async Task PutIfAbsentAsync_KeyOfAFolder_ThrowsConflict()
    {
        await Put("a/b/c", [1]);

        var error = await Assert.ThrowsAsync<BronzeException>(() => Put("a/b", [2]));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Equal([new ObjectInfo("a/b/c", 1)], await ListAll(""));
        Assert.Empty(HiddenFiles());
    }

    [Fact]
    public async Task OpenReadAsync_KeyOfAFolder_ThrowsNotFound()
    {
        await Put("a/b/c", [1]);

        var error = await Assert.ThrowsAsync<BronzeException>(() => _store.OpenReadAsync("a/b", Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
        Assert.Null(await _store.StatAsync("a/b", Ct));
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_FolderInsteadOfAFile_ThrowsInvalidInputNamingFilePath()
    {
        var error = await Assert.ThrowsAsync<BronzeException>(() => _store.PutFileIfAbsentAsync("object", _temp.Path, Ct));

        Assert.Equal((BronzeErrorKind.InvalidInput, "file_path"), (error.Kind, error.Field));
        Assert.Null(await _store.StatAsync("object", Ct));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_OldAndFreshTemps_DeletesOnlyTheOldOnes()
    {
        await Put("p/object", [1, 2, 3]);
        string old = Path.Join(_store.Root, "p", LocalStore.TempFilePrefix + "old");
        string fresh = Path.Join(_store.Root, LocalStore.TempFilePrefix + "fresh");
        await File.WriteAllBytesAsync(old, [1], Ct);
        await File.WriteAllBytesAsync(fresh, [1], Ct);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Join(_store.Root, "p", "object"), DateTime.UtcNow.AddDays(-2));

        int deleted = await _store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), Ct);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.Equal([new ObjectInfo("p/object", 3)], await ListAll(""));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_InAFolder_LeavesOtherFoldersAlone()
    {
        string inside = Path.Join(_store.Root, "a", "b", LocalStore.TempFilePrefix + "inside");
        string outside = Path.Join(_store.Root, "ab", LocalStore.TempFilePrefix + "outside");
        foreach (string temp in (string[])[inside, outside])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            await File.WriteAllBytesAsync(temp, [1], Ct);
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddHours(-2));
        }

        int deleted = await _store.DeleteStaleTempFilesAsync("a", TimeSpan.FromHours(1), Ct);
        int missingFolder = await _store.DeleteStaleTempFilesAsync("no/such/folder", TimeSpan.Zero, Ct);

        Assert.Equal((1, 0), (deleted, missingFolder));
        Assert.False(File.Exists(inside));
        Assert.True(File.Exists(outside));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    public async Task DeleteStaleTempFilesAsync_FolderOutsideTheRules_ThrowsNamingFolderKey(string folderKey)
    {
        var error = await Assert.ThrowsAsync<BronzeException>(() => _store.DeleteStaleTempFilesAsync(folderKey, TimeSpan.Zero, Ct));

        Assert.Equal((BronzeErrorKind.InvalidInput, "folderKey"), (error.Kind, error.Field));
    }

    private async Task<PutResult> Put(string key, byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await _store.PutIfAbsentAsync(key, content, Ct);
    }

    private async Task<List<ObjectInfo>> ListAll(string prefix)
    {
        var all = new List<ObjectInfo>();
        await foreach (ObjectInfo info in _store.ListAsync(prefix, Ct)) all.Add(info);
        return all;
    }

    private string[] HiddenFiles() => Directory.GetFiles(_store.Root, ".*", SearchOption.AllDirectories);

    /// <summary>Inode, size, modification and change times (ns): equal only if nobody replaced or touched the file.</summary>
    private string FileIdentity(string key)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i %s %y %z", Path.Join(_store.Root, key)])
        {
            RedirectStandardOutput = true,
        })!;
        string identity = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return identity;
    }
}
