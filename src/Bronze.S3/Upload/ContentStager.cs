using System.Buffers;
using System.Security.Cryptography;

namespace Bronze.S3.Upload;

/// <summary>
/// Reads content once, computing its MD5 and sha256 as it goes, and stages it for upload with bounded memory: short
/// streams stay in memory, longer ones are spooled to a temporary file; files are hashed in place.
/// </summary>
internal static class ContentStager
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Hashes a file the caller already opened (from its start) and stages it by path.</summary>
    public static async Task<StagedContent> FromFileAsync(FileStream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        ContentDigest digest = await HashAsync(ReadOnlyMemory<byte>.Empty, file, copyTo: null, cancellationToken).ConfigureAwait(false);
        return StagedContent.CallersFile(file.Name, digest);
    }

    public static async Task<StagedContent> FromStreamAsync(Stream content, int memoryLimit, string spoolDirectory, CancellationToken cancellationToken)
    {
        (byte[] head, int length) = await ReadHeadAsync(content, memoryLimit, cancellationToken).ConfigureAwait(false);
        if (length <= memoryLimit)
        {
            var digest = new ContentDigest(length, MD5.HashData(head.AsSpan(0, length)), SHA256.HashData(head.AsSpan(0, length)));
            return StagedContent.InMemory(head, digest);
        }

        string spoolPath = Path.Combine(spoolDirectory, $".bronze-s3-spool-{Guid.NewGuid():N}");
        try
        {
            var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (spool.ConfigureAwait(false))
            {
                ContentDigest digest = await HashAsync(head.AsMemory(0, length), content, spool, cancellationToken).ConfigureAwait(false);
                return StagedContent.Spooled(spoolPath, digest);
            }
        }
        catch
        {
            File.Delete(spoolPath);
            throw;
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end for its digest alone.</summary>
    public static Task<ContentDigest> HashAsync(Stream source, CancellationToken cancellationToken) =>
        HashAsync(ReadOnlyMemory<byte>.Empty, source, copyTo: null, cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="memoryLimit"/> + 1 bytes (one more tells whether the stream goes on) into a buffer
    /// that grows as needed, so that a small manifest costs kilobytes, not the whole limit.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadHeadAsync(Stream content, int memoryLimit, CancellationToken cancellationToken)
    {
        int max = memoryLimit + 1;
        byte[] buffer = new byte[Math.Min(max, 64 << 10)];
        int length = 0;
        while (true)
        {
            int read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) return (buffer, length);
            length += read;
            if (length == max) return (buffer, length);
            if (length == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(max, 2L * buffer.Length));
        }
    }

    /// <summary>Opens a local file for one sequential read, with a typed error when it cannot be read.</summary>
    public static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BronzeException(BronzeErrorKind.NotFound, $"The file to upload, '{path}', does not exist.", field: "file_path", innerException: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BronzeException(BronzeErrorKind.Failure, $"The file to upload, '{path}', cannot be read: {e.Message}", field: "file_path", innerException: e);
        }
    }

    /// <summary>Hashes <paramref name="head"/> then the rest of <paramref name="source"/>, copying both to <paramref name="copyTo"/>.</summary>
    private static async Task<ContentDigest> HashAsync(ReadOnlyMemory<byte> head, Stream source, Stream? copyTo, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        HashBoth(md5, sha256, head);
        if (copyTo is not null) await copyTo.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long size = head.Length;
            int read;
            // Whole chunks (short reads are topped up), so that each is worth hashing on two cores.
            while ((read = await source.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
            {
                Task write = copyTo?.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask() ?? Task.CompletedTask;
                HashBoth(md5, sha256, buffer.AsMemory(0, read));
                await write.ConfigureAwait(false);
                size += read;
            }

            return new ContentDigest(size, md5.GetHashAndReset(), sha256.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>MD5 and sha256 of one chunk, on two cores at once: together they are the cost of staging a file.</summary>
    private static void HashBoth(IncrementalHash md5, IncrementalHash sha256, ReadOnlyMemory<byte> chunk) =>
        Parallel.Invoke(() => md5.AppendData(chunk.Span), () => sha256.AppendData(chunk.Span));
}
