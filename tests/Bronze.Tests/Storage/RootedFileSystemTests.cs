using System.Runtime.InteropServices;
using Bronze.Storage.Native;
using Bronze.Testing;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Tests.Storage;

/// <summary>
/// The primitives under <see cref="LocalStore"/> on their own: what each refuses (a path leaving the root or crossing
/// a link, a file where a folder is needed, a name already taken in any form) with which errno, and what statx reports
/// for every kind of entry.
/// </summary>
public sealed class RootedFileSystemTests : IDisposable
{
    private const int ENoEnt = 2;
    private const int EExist = 17;
    private const int EXDev = 18;
    private const int ENotDir = 20;
    private const int EIsDir = 21;
    private const int ELoop = 40;
    private readonly TempDirectory _temp = new();
    private readonly string _outside;

    public RootedFileSystemTests()
    {
        Directory.CreateDirectory(Path.Join(_temp.Path, "root", "folder"));
        File.WriteAllBytes(Path.Join(_temp.Path, "root", "file"), [1, 2, 3]);
        _outside = Path.Join(_temp.Path, "outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllBytes(Path.Join(_outside, "secret"), [7]);
    }

    private string Root => Path.Join(_temp.Path, "root");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OpenRoot_RegularFile_ThrowsNotADirectory()
    {
        var error = Assert.Throws<IOException>(() => RootedFileSystem.OpenRoot(Path.Join(Root, "file")));

        Assert.Equal(ENotDir, error.HResult);
        Assert.Equal($"open failed for '{Path.Join(Root, "file")}': Not a directory (errno 20).", error.Message);
    }

    [Fact]
    public void OpenRoot_Missing_ThrowsNoSuchFile()
    {
        var error = Assert.Throws<IOException>(() => RootedFileSystem.OpenRoot(Path.Join(Root, "missing")));

        Assert.Equal(ENoEnt, error.HResult);
    }

    [Theory]
    [InlineData("../outside/secret", EXDev)] // RESOLVE_BENEATH: ".." may not climb above the folder
    [InlineData("folder/../../outside/secret", EXDev)]
    [InlineData("/etc/hostname", EXDev)] // nor may an absolute path
    [InlineData("link/secret", ELoop)] // RESOLVE_NO_SYMLINKS: a link on the path
    [InlineData("link", ELoop)] // or at its end
    [InlineData("missing", ENoEnt)]
    [InlineData("file/x", ENotDir)] // a file where a folder is needed
    public void TryOpen_PathLeavingTheRootOrCrossingALink_ReturnsNullWithTheErrno(string relative, int errno)
    {
        Directory.CreateSymbolicLink(Path.Join(Root, "link"), _outside);
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        using SafeFileHandle? file = RootedFileSystem.TryOpen(root, relative, LinuxCalls.ORdOnly, out int actual);

        Assert.Null(file);
        Assert.Equal(errno, actual);
    }

    [Fact]
    public void TryOpen_FileBeneath_OpensItWithErrnoZero()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        using SafeFileHandle? file = RootedFileSystem.TryOpen(root, "file", LinuxCalls.ORdOnly, out int errno);

        Assert.NotNull(file);
        Assert.Equal(0, errno);
        Assert.Equal(3, RandomAccess.GetLength(file));
    }

    [Fact]
    public void TryOpenDirectory_RegularFile_ReturnsNullWithNotADirectory()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        using SafeFileHandle? folder = RootedFileSystem.TryOpenDirectory(root, "file", out int errno);

        Assert.Null(folder);
        Assert.Equal(ENotDir, errno);
    }

    [Fact]
    public void StatAt_EachKindOfEntry_ReportsItWithoutFollowingLinks()
    {
        var modified = new DateTime(2021, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Join(Root, "file"), modified);
        File.CreateSymbolicLink(Path.Join(Root, "file-link"), Path.Join(_outside, "secret"));
        File.CreateSymbolicLink(Path.Join(Root, "dangling"), Path.Join(_outside, "gone"));
        MakeFifo(Path.Join(Root, "fifo"));
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        Assert.Equal(new EntryStatus(EntryKind.File, 3, modified), RootedFileSystem.StatAt(root, "file"));
        Assert.Equal(EntryKind.Directory, RootedFileSystem.StatAt(root, "folder").Kind);
        Assert.Equal(EntryKind.SymbolicLink, RootedFileSystem.StatAt(root, "file-link").Kind);
        Assert.Equal(EntryKind.SymbolicLink, RootedFileSystem.StatAt(root, "dangling").Kind);
        Assert.Equal(EntryKind.Special, RootedFileSystem.StatAt(root, "fifo").Kind);
        Assert.Equal(EntryStatus.Missing, RootedFileSystem.StatAt(root, "missing"));
        Assert.Equal(EntryStatus.Missing, RootedFileSystem.StatAt(root, "file/x")); // ENOTDIR: nothing there either
        Assert.Equal(EntryKind.Directory, RootedFileSystem.StatOf(root).Kind);
    }

    [Fact]
    public void CreateDirectory_NewExistingAndUnderAMissingFolder_TrueFalseAndThrows()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        Assert.True(RootedFileSystem.CreateDirectory(root, "new"));
        Assert.False(RootedFileSystem.CreateDirectory(root, "new"));
        Assert.Equal(ENoEnt, Assert.Throws<IOException>(() => RootedFileSystem.CreateDirectory(root, "missing/new")).HResult);
        Assert.True(Directory.Exists(Path.Join(Root, "new")));
    }

    [Fact]
    public void CreateFile_NameTakenByAFileOrALink_ThrowsExistsAndWritesNothing()
    {
        File.CreateSymbolicLink(Path.Join(Root, "dangling"), Path.Join(_outside, "created-through-the-link"));
        File.CreateSymbolicLink(Path.Join(Root, "file-link"), Path.Join(_outside, "secret"));
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        foreach (string name in (string[])["file", "dangling", "file-link", "folder"])
        {
            var error = Assert.Throws<IOException>(() => RootedFileSystem.CreateFile(root, name));
            Assert.True(error.HResult == EExist, $"{name}: {error.Message}");
        }

        Assert.False(File.Exists(Path.Join(_outside, "created-through-the-link")));
        Assert.Equal([7], File.ReadAllBytes(Path.Join(_outside, "secret")));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Join(Root, "file")));
    }

    [Fact]
    public void Delete_FileMissingNameAndFolder_TrueFalseAndThrows()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        Assert.True(RootedFileSystem.Delete(root, "file"));
        Assert.False(RootedFileSystem.Delete(root, "file"));
        Assert.Equal(EIsDir, Assert.Throws<IOException>(() => RootedFileSystem.Delete(root, "folder")).HResult);
        Assert.False(File.Exists(Path.Join(Root, "file")));
        Assert.True(Directory.Exists(Path.Join(Root, "folder")));
    }

    [Fact]
    public void ReadEntries_EveryKind_ListsEachOnceWithItsKindAndNeverDotOrDotDot()
    {
        File.CreateSymbolicLink(Path.Join(Root, "link"), Path.Join(_outside, "secret"));
        MakeFifo(Path.Join(Root, "fifo"));
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);

        List<(string Name, EntryKind Kind)> entries = RootedFileSystem.ReadEntries(root, "root");

        Assert.Equal(
            [("fifo", EntryKind.Special), ("file", EntryKind.File), ("folder", EntryKind.Directory), ("link", EntryKind.SymbolicLink)],
            entries.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void ReadEntries_SameHandleAgain_ListsEverythingAgain()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);
        int first = RootedFileSystem.ReadEntries(root, "root").Count;

        int second = RootedFileSystem.ReadEntries(root, "root").Count;

        Assert.Equal((2, 2), (first, second));
    }

    [Fact]
    public async Task WriteAsync_WriteFails_ThrowsIOExceptionWithTheErrnoAndWritesNothing()
    {
        const int ENoSpc = 28;
        using SafeFileHandle root = RootedFileSystem.OpenRoot(Root);
        using SafeFileHandle file = RootedFileSystem.CreateFile(root, "new");

        using (FileFaults.Arm((call, _, _) => call == FileCall.Write ? ENoSpc : 0))
        {
            var error = await Assert.ThrowsAsync<IOException>(async () => await RootedFileSystem.WriteAsync(file, new byte[] { 1 }, 0, Ct));
            Assert.Equal(("write failed for 'a temp file': No space left on device (errno 28).", ENoSpc), (error.Message, error.HResult));
        }

        Assert.Equal(0, RandomAccess.GetLength(file));
    }

    /// <summary>A FIFO: a special entry the store must report but never open.</summary>
    private static void MakeFifo(string path) => Assert.Equal(0, mkfifo(path, 0x1B6));

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
