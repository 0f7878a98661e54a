using Bronze.Gcs.Hashing;
using Bronze.Gcs.Upload;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Upload;

public sealed class FileUploadContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Body_AFile_IsReadAsynchronouslyAndHashedWhole()
    {
        using var folder = new TempDirectory();
        byte[] data = TestBytes.Create(3_000_000, seed: 1);
        string path = await WriteAsync(folder, data);
        await using var content = new FileUploadContent(path);

        // the upload engine reads the body with ReadAsync only, so it is opened for asynchronous I/O (overlapped on Windows)
        Assert.True(Assert.IsType<FileStream>(content.Body).IsAsync);
        var sent = new MemoryStream();
        await content.Body.CopyToAsync(sent, Ct);
        ContentHashes hashes = await content.SentHashesAsync(Ct);

        Assert.Equal(data, sent.ToArray());
        Assert.Equal(new ContentHashes(data.Length, Crc32C.Compute(data), TestBytes.Sha256(data)), hashes);
    }

    [Fact]
    public async Task SentHashesAsync_FileGrewAfterItWasHashed_ThrowsIntegrityMismatch()
    {
        using var folder = new TempDirectory();
        string path = await WriteAsync(folder, TestBytes.Create(1000, seed: 2));
        await using var content = new FileUploadContent(path);
        ContentHashes hashed = await content.WholeHashesAsync(Ct);

        // another process appends between the hashing and the upload's start, which reads the length it declares
        await File.AppendAllBytesAsync(path, [1, 2, 3], Ct);

        Assert.Equal(1000, hashed.Size);
        Assert.Equal(1003, content.Length);
        var e = await Assert.ThrowsAsync<BronzeException>(() => content.SentHashesAsync(Ct));
        Assert.Equal(BronzeErrorKind.IntegrityMismatch, e.Kind);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_HashingNotFinished_StopsItAndClosesTheBody()
    {
        // a file with no end: hashing it finishes only when it is stopped
        var content = new FileUploadContent("/dev/zero");
        Stream body = content.Body;

        // A hang guard, not a timing assertion: stopping a read loop on /dev/zero takes microseconds, and 15 s leaves
        // room for a loaded machine while staying below the mutation run's timeout, so a dispose that never stops
        // hashing fails here rather than hanging.
        await content.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.False(body.CanRead);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => content.WholeHashesAsync(Ct));
    }

    [Fact]
    public async Task SourceFailure_HashingCannotRead_IsTheReadErrorAndDisposeAsyncStillCloses()
    {
        // the test's own memory opens as a file but reads fail (EIO): offset 0 is never mapped
        var content = new FileUploadContent("/proc/self/mem");
        Stream body = content.Body;

        await Assert.ThrowsAsync<IOException>(() => content.WholeHashesAsync(Ct));
        Assert.IsType<IOException>(content.SourceFailure?.SourceException);
        await content.DisposeAsync();

        Assert.False(body.CanRead);
    }

    private static async Task<string> WriteAsync(TempDirectory folder, byte[] data)
    {
        string path = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(path, data, Ct);
        return path;
    }
}
