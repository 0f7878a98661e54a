using Bronze.S3.Upload;
using Bronze.Testing;

namespace Bronze.S3.Tests.Upload;

/// <summary>
/// What a put reads its body from: a fresh read-only stream over exactly the staged bytes each time (a retried put
/// reads them again), asynchronous for files so that uploads do not block a thread per read, and a spool file gone
/// once disposed while the caller's file stays.
/// </summary>
public sealed class StagedContentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenRead_InMemory_IsReadOnlyAndGivesTheDigestsSizeOfTheBuffer()
    {
        byte[] buffer = TestBytes.Create(100, seed: 1);
        using var staged = StagedContent.InMemory(buffer, Digest(40));

        await using Stream stream = staged.OpenRead();

        Assert.False(stream.CanWrite);
        Assert.Equal(buffer[..40], await ReadAllAsync(stream));
    }

    [Fact]
    public async Task OpenRead_File_IsReadOnlyAsynchronousAndFromTheStartEachTime()
    {
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, "content.bin");
        byte[] bytes = TestBytes.Create(100_000, seed: 2);
        await File.WriteAllBytesAsync(path, bytes, Token);
        using var staged = StagedContent.CallersFile(path, Digest(bytes.Length));

        await using (Stream first = staged.OpenRead())
        {
            FileStream file = Assert.IsType<FileStream>(first);
            Assert.Equal((false, true), (file.CanWrite, file.IsAsync));
            Assert.Equal(bytes, await ReadAllAsync(file));
        }

        await using Stream second = staged.OpenRead();
        Assert.Equal(bytes, await ReadAllAsync(second));
    }

    [Fact]
    public void Dispose_Spooled_DeletesTheSpoolFile()
    {
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, "spool");
        File.WriteAllBytes(path, [1, 2, 3]);

        StagedContent.Spooled(path, Digest(3)).Dispose();

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Dispose_CallersFile_LeavesTheFile()
    {
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, "content.bin");
        File.WriteAllBytes(path, [1, 2, 3]);

        StagedContent.CallersFile(path, Digest(3)).Dispose();

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    private static ContentDigest Digest(long size) => new(size, [], []);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }
}
