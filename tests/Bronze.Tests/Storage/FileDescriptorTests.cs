using System.Globalization;
using Bronze.Storage.Native;
using Bronze.Testing;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Tests.Storage;

/// <summary>
/// The file descriptors the store's primitives open: each is close-on-exec (a child process such as the bronze CLI's
/// never inherits a store's folder or temp file) and closed when its handle is disposed or its work is done (a copier
/// that runs for days must not run out of descriptors). Read through /proc/self/fd and /proc/self/fdinfo.
/// </summary>
public sealed class FileDescriptorTests : IDisposable
{
    private const int OCloexec = 0x80000;
    private readonly TempDirectory _temp = new();

    public FileDescriptorTests()
    {
        Directory.CreateDirectory(Path.Join(_temp.Path, "folder"));
        File.WriteAllBytes(Path.Join(_temp.Path, "file"), [1]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Handles_EachWayOfOpening_AreCloseOnExecAndClosedOnDispose()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(_temp.Path);
        using SafeFileHandle folder = RootedFileSystem.TryOpenDirectory(root, "folder", out _)!;
        using SafeFileHandle file = RootedFileSystem.TryOpen(root, "file", LinuxCalls.OPath, out _)!;
        using SafeFileHandle created = RootedFileSystem.CreateFile(folder, "new");
        (SafeFileHandle Handle, string Path)[] opened =
        [
            (file, Path.Join(_temp.Path, "file")), (created, Path.Join(_temp.Path, "folder", "new")),
            (folder, Path.Join(_temp.Path, "folder")), (root, _temp.Path),
        ];

        foreach ((SafeFileHandle handle, string path) in opened)
        {
            int fd = (int)handle.DangerousGetHandle();
            Assert.Equal(path, Target(fd));
            Assert.True((Flags(fd) & OCloexec) != 0, $"{path} is not close-on-exec");
            handle.Dispose();
            Assert.NotEqual(path, Target(fd)); // closed (a number reused meanwhile names another file)
        }
    }

    [Fact]
    public void ReadEntries_Done_ReleasesTheDescriptorItReadThrough()
    {
        using SafeFileHandle root = RootedFileSystem.OpenRoot(_temp.Path);

        for (int i = 0; i < 3; i++) Assert.Equal(2, RootedFileSystem.ReadEntries(root, "root").Count);

        Assert.Equal(1, DescriptorsOf(_temp.Path));
    }

    /// <summary>What the descriptor names, or null once it is closed.</summary>
    private static string? Target(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The open flags of the descriptor (fdinfo gives them in octal).</summary>
    private static int Flags(int fd)
    {
        string line = File.ReadLines($"/proc/self/fdinfo/{fd}").Single(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return Convert.ToInt32(line["flags:".Length..].Trim(), 8);
    }

    /// <summary>How many of this process's descriptors name <paramref name="path"/>.</summary>
    private static int DescriptorsOf(string path) =>
        Directory.GetFileSystemEntries("/proc/self/fd")
            .Count(fd => Target(int.Parse(Path.GetFileName(fd), CultureInfo.InvariantCulture)) == path);
}
