using Bronze.Storage.Native;
using Bronze.Testing;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Tests.Storage;

/// <summary>
/// The no-replace primitives on their own, including the link(2) fallback, which this machine's file system (it has
/// RENAME_NOREPLACE) never reaches through <see cref="LocalStore"/>.
/// </summary>
public sealed class PosixFileSystemTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Publish_FreeName_MovesTheTempToIt(bool linkFallback)
    {
        SkipOnWindows();
        string temp = await WriteAsync(".tmp", [1, 2, 3]);
        string final = Path.Join(_temp.Path, "final");

        PosixFileSystem.PublishResult result = Publish(temp, final, linkFallback);

        Assert.Equal(PosixFileSystem.PublishResult.Published, result);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(final, Ct));
        Assert.False(File.Exists(temp));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Publish_TakenName_ReturnsAlreadyExistsAndChangesNothing(bool linkFallback)
    {
        SkipOnWindows();
        string temp = await WriteAsync(".tmp", [1, 2, 3]);
        string final = await WriteAsync("final", [9]);

        PosixFileSystem.PublishResult result = Publish(temp, final, linkFallback);

        Assert.Equal(PosixFileSystem.PublishResult.AlreadyExists, result);
        Assert.Equal([9], await File.ReadAllBytesAsync(final, Ct));
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(temp, Ct));
    }

    [Fact]
    public void Publish_MissingTemp_ThrowsIOException()
    {
        using SafeFileHandle folder = RootedFileSystem.OpenRoot(_temp.Path);

        Assert.Throws<IOException>(() => PosixFileSystem.PublishNoReplace(folder, ".gone", "final"));
    }

    [Fact]
    public async Task Publish_NeitherNoReplaceRenameNorHardLinks_ThrowsIOExceptionNamingLinkatAndKeepsTheTemp()
    {
        SkipOnWindows();
        const int EInval = 22, EPerm = 1;
        string temp = await WriteAsync(".tmp", [1, 2, 3]);
        using SafeFileHandle folder = RootedFileSystem.OpenRoot(_temp.Path);

        using (FileFaults.Arm((call, _, _) => call switch { FileCall.Rename => EInval, FileCall.Link => EPerm, _ => 0 }))
        {
            var error = Assert.Throws<IOException>(() => PosixFileSystem.PublishNoReplace(folder, ".tmp", "final"));
            Assert.Equal(("linkat failed for 'final': Operation not permitted (errno 1).", EPerm), (error.Message, error.HResult));
        }

        Assert.False(File.Exists(Path.Join(_temp.Path, "final")));
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(temp, Ct));
    }

    private PosixFileSystem.PublishResult Publish(string temp, string final, bool linkFallback)
    {
        using SafeFileHandle folder = RootedFileSystem.OpenRoot(_temp.Path);
        return linkFallback
            ? PosixFileSystem.LinkNoReplace(folder, Path.GetFileName(temp), Path.GetFileName(final))
            : PosixFileSystem.PublishNoReplace(folder, Path.GetFileName(temp), Path.GetFileName(final));
    }

    private static void SkipOnWindows() => Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX calls only.");

    private async Task<string> WriteAsync(string name, byte[] bytes)
    {
        string path = Path.Join(_temp.Path, name);
        await File.WriteAllBytesAsync(path, bytes, Ct);
        return path;
    }
}
