using System.Diagnostics;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>
/// What a hostile or careless user can leave below a local store's root: symbolic links to elsewhere, FIFOs, odd
/// names. The store never follows a link, never opens a special file, and lists all of it for verification.
/// </summary>
public sealed class LocalStoreHostileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _temp = new();
    private readonly LocalStore _store;
    private readonly string _outside;

    public LocalStoreHostileTests()
    {
        _store = new LocalStore(Path.Join(_temp.Path, "root"));
        _outside = Path.Join(_temp.Path, "outside");
        Directory.CreateDirectory(_outside);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_FolderIsALinkToElsewhere_ThrowsConflictAndWritesNothingThere()
    {
        Directory.CreateDirectory(Path.Join(_store.Root, "t"));
        Directory.CreateSymbolicLink(Path.Join(_store.Root, "t", "range=0-9"), _outside);

        var error = await Assert.ThrowsAsync<BronzeException>(() => Put("t/range=0-9/part-0-9.parquet", [1, 2, 3]));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
    }

    [Fact]
    public async Task PutIfAbsentAsync_NameIsALink_ThrowsConflictAndLeavesTheTargetAlone()
    {
        string target = Path.Join(_outside, "victim");
        await File.WriteAllBytesAsync(target, [9], Ct);
        File.CreateSymbolicLink(Path.Join(_store.Root, "object"), target);

        var error = await Assert.ThrowsAsync<BronzeException>(() => Put("object", [1, 2, 3]));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
        Assert.Equal([9], await File.ReadAllBytesAsync(target, Ct));
    }

    [Fact]
    public async Task OpenReadAndStat_FileBehindALink_ThrowConflict()
    {
        await File.WriteAllBytesAsync(Path.Join(_outside, "data"), [1, 2, 3], Ct);
        File.CreateSymbolicLink(Path.Join(_store.Root, "linked"), Path.Join(_outside, "data"));
        Directory.CreateSymbolicLink(Path.Join(_store.Root, "folder"), _outside);

        foreach (string key in (string[])["linked", "folder/data"])
        {
            var open = await Assert.ThrowsAsync<BronzeException>(() => _store.OpenReadAsync(key, Ct));
            var stat = await Assert.ThrowsAsync<BronzeException>(() => _store.StatAsync(key, Ct));
            Assert.Equal((BronzeErrorKind.Conflict, BronzeErrorKind.Conflict), (open.Kind, stat.Kind));
            string expected = $"Local store: the path of '{key}' in file://{_store.Root} crosses a symbolic link; the store never follows links below its root.";
            Assert.Equal((expected, expected), (open.Message, stat.Message));
        }
    }

    [Fact]
    public async Task OpenReadAsync_Fifo_ThrowsConflictWithoutBlocking()
    {
        MakeFifo(Path.Join(_store.Root, "fifo"));

        Task<Stream> open = Task.Run(() => _store.OpenReadAsync("fifo", Ct), Ct);
        Task<ObjectInfo?> stat = Task.Run(() => _store.StatAsync("fifo", Ct), Ct);
        Task<PutResult> put = Task.Run(() => Put("fifo", [1]), Ct);

        foreach (Task task in (Task[])[open, stat, put])
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => task.WaitAsync(Patience, Ct));
            Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
            if (task != put)
                Assert.Equal($"Local store: 'fifo' in file://{_store.Root} is a FIFO, socket or device, not a regular file; the store never opens one.", error.Message);
        }
    }

    [Fact]
    public async Task ListAsync_LinksFifosAndOddNames_ListsEachWithItsKindAndFollowsNoLink()
    {
        await Put("d/a", [1, 2]);
        await File.WriteAllBytesAsync(Path.Join(_outside, "x"), [1, 2, 3], Ct);
        Directory.CreateSymbolicLink(Path.Join(_store.Root, "d", "folder-link"), _outside);
        File.CreateSymbolicLink(Path.Join(_store.Root, "d", "file-link"), Path.Join(_outside, "x"));
        File.CreateSymbolicLink(Path.Join(_store.Root, "d", "dangling"), Path.Join(_outside, "gone"));
        MakeFifo(Path.Join(_store.Root, "d", "fifo"));
        await File.WriteAllBytesAsync(Path.Join(_store.Root, "d", "ünï.json"), [1], Ct);

        List<ObjectInfo> listed = await _store.ListAsync("d/", Ct).ToListAsync(Ct).AsTask().WaitAsync(Patience, Ct);

        Assert.Equal(
            [
                new ObjectInfo("d/a", 2), new ObjectInfo("d/dangling", 0, ObjectKind.SymbolicLink),
                new ObjectInfo("d/fifo", 0, ObjectKind.SpecialFile), new ObjectInfo("d/file-link", 0, ObjectKind.SymbolicLink),
                new ObjectInfo("d/folder-link", 0, ObjectKind.SymbolicLink), new ObjectInfo("d/ünï.json", 1),
            ],
            listed);
    }

    [Fact]
    public async Task ListAsync_PrefixFolderIsALink_ThrowsConflict()
    {
        Directory.CreateSymbolicLink(Path.Join(_store.Root, "t"), _outside);

        var error = await Assert.ThrowsAsync<BronzeException>(async () => await _store.ListAsync("t/", Ct).ToListAsync(Ct));

        Assert.Equal(BronzeErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_LinkToAFolderElsewhere_DeletesNothingThere()
    {
        string victim = Path.Join(_outside, LocalStore.TempFilePrefix + "victim");
        await File.WriteAllBytesAsync(victim, [1], Ct);
        File.SetLastWriteTimeUtc(victim, DateTime.UtcNow.AddHours(-2));
        Directory.CreateSymbolicLink(Path.Join(_store.Root, "link"), _outside);

        int deleted = await _store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), Ct);

        Assert.Equal(0, deleted);
        Assert.True(File.Exists(victim));
    }

    private async Task<PutResult> Put(string key, byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await _store.PutIfAbsentAsync(key, content, Ct);
    }

    private static void MakeFifo(string path)
    {
        using Process mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
