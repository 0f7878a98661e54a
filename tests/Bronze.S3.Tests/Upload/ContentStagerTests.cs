using System.Security.Cryptography;
using Bronze.S3.Upload;
using Bronze.Testing;

namespace Bronze.S3.Tests.Upload;

/// <summary>
/// Staging's costs and the file it opens: a small stream costs kilobytes whatever the memory limit, hashing reuses
/// its pooled chunk from one call to the next, and a file to upload is opened read-only for asynchronous reads.
/// Sources are memory streams, so each call completes on the test's thread and its allocations can be counted there.
/// </summary>
public sealed class ContentStagerTests
{
    [Fact]
    public async Task FromStreamAsync_SmallStreamUnderALargeMemoryLimit_AllocatesKilobytesNotTheLimit()
    {
        byte[] bytes = TestBytes.Create(100_000, seed: 1); // more than the first 64 KiB buffer: it grows once
        using var source = new MemoryStream(bytes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Task<StagedContent> staging = ContentStager.FromStreamAsync(source, memoryLimit: 64 << 20, spoolDirectory: "unused", TestContext.Current.CancellationToken);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(staging.IsCompletedSuccessfully); // so that every allocation was on this thread
        using StagedContent staged = await staging;
        Assert.Equal(100_000, staged.Size);
        Assert.Equal(SHA256.HashData(bytes), staged.Digest.Sha256);
        Assert.InRange(allocated, 0, 1 << 20);
    }

    [Fact]
    public async Task HashAsync_CalledAgain_ReusesItsPooledChunkInsteadOfAllocatingOne()
    {
        byte[] bytes = TestBytes.Create(1_000, seed: 2);
        await HashAsync(bytes); // the first call may allocate the pool's chunk

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 8; i++) await HashAsync(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // A chunk is 1 MiB: eight calls that each allocated one would pass 8 MiB; allow for the pool having dropped it once.
        Assert.InRange(allocated, 0, 2 << 20);
    }

    [Fact]
    public void OpenFile_ExistingFile_IsReadOnlyAndAsynchronous()
    {
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, "content.bin");
        File.WriteAllBytes(path, [1, 2, 3]);

        using FileStream file = ContentStager.OpenFile(path);

        Assert.Equal((true, false, true), (file.CanRead, file.CanWrite, file.IsAsync));
    }

    // Awaits a task already complete, so the caller goes on on the same thread.
    private static async Task HashAsync(byte[] bytes)
    {
        using var source = new MemoryStream(bytes);
        Task<ContentDigest> hashing = ContentStager.HashAsync(source, TestContext.Current.CancellationToken);
        Assert.True(hashing.IsCompletedSuccessfully); // so that every allocation was on this thread
        Assert.Equal(SHA256.HashData(bytes), (await hashing).Sha256);
    }
}
