using System.Buffers;
using System.Security.Cryptography;
using Bronze.Errors;
using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage;

public sealed partial class LocalStore
{
    /// <inheritdoc />
    /// <remarks>
    /// When the key already exists the content is still read to its end, to report its size and sha256, but nothing is
    /// written. On cancellation or failure the temp file is deleted before the exception propagates.
    /// </remarks>
    public async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key);
        ArgumentNullException.ThrowIfNull(content);
        cancellationToken.ThrowIfCancellationRequested();
        return await PutCoreAsync(key, path, content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A missing <paramref name="filePath"/> gives <see cref="BronzeErrorKind.InvalidInput"/> naming <c>filePath</c>.
    /// </remarks>
    public async Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        cancellationToken.ThrowIfCancellationRequested();
        FileStream source;
        try
        {
            source = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BronzeException.Invalid("filePath", "name an existing file", filePath);
        }

        await using (source.ConfigureAwait(false))
        {
            return await PutCoreAsync(key, path, source, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PutResult> PutCoreAsync(string key, string path, Stream content, CancellationToken cancellationToken)
    {
        // Objects are never deleted, so one that exists now still exists at publish time: skip the disk writes.
        if (File.Exists(path))
        {
            (long size, string sha256) = await HashOnlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new PutResult(key, PutOutcome.AlreadyExists, size, sha256);
        }

        string directory = Path.GetDirectoryName(path)!;
        List<string> createdDirectories = CreateDirectories(key, directory);
        string tempPath = Path.Join(directory, TempFilePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        try
        {
            (long size, string sha256) = await WriteTempAsync(key, tempPath, content, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (Publish(key, tempPath, path) == PosixFileSystem.PublishResult.AlreadyExists)
            {
                File.Delete(tempPath);
                return new PutResult(key, PutOutcome.AlreadyExists, size, sha256);
            }

            FlushDirectories(key, directory, createdDirectories);
            return new PutResult(key, PutOutcome.Created, size, sha256);
        }
        catch
        {
            DeleteQuietly(tempPath);
            throw;
        }
    }

    /// <summary>
    /// Streams <paramref name="content"/> into a new temp file through two pooled buffers, so that hashing one chunk
    /// overlaps writing the previous one, then flushes the file to disk.
    /// </summary>
    private async Task<(long Size, string Sha256)> WriteTempAsync(
        string key, string tempPath, Stream content, CancellationToken cancellationToken)
    {
        using SafeFileHandle file = StoreIo(key, "create a temp file", () =>
            File.OpenHandle(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferSize), ArrayPool<byte>.Shared.Rent(BufferSize)];
        Task pendingWrite = Task.CompletedTask;
        long offset = 0;
        try
        {
            for (int current = 0; ; current ^= 1)
            {
                int count = await FillAsync(content, buffers[current], cancellationToken).ConfigureAwait(false);
                if (count == 0) break;
                hash.AppendData(buffers[current], 0, count);
                await AwaitWriteAsync(key, pendingWrite).ConfigureAwait(false);
                pendingWrite = RandomAccess.WriteAsync(file, buffers[current].AsMemory(0, count), offset, cancellationToken).AsTask();
                offset += count;
            }

            await AwaitWriteAsync(key, pendingWrite).ConfigureAwait(false);
            StoreIo(key, "flush a temp file to disk", () => RandomAccess.FlushToDisk(file));
        }
        finally
        {
            // The buffers go back to the pool only once no write can still be reading them.
            await pendingWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        return (offset, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<(long Size, string Sha256)> HashOnlyAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            int count;
            while ((count = await FillAsync(content, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, count);
                size += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends, so each disk write is a large one.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < BufferSize)
        {
            int read = await content.ReadAsync(buffer.AsMemory(filled, BufferSize - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return filled;
    }

    private async Task AwaitWriteAsync(string key, Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot write '{key}' in {Description}", e);
        }
    }

    private PosixFileSystem.PublishResult Publish(string key, string tempPath, string path)
    {
        if (Directory.Exists(path))
            throw new BronzeException(BronzeErrorKind.Conflict, $"Local store: '{key}' in {Description} is a folder, not an object.");
        if (!OperatingSystem.IsWindows())
            return StoreIo(key, "publish the object", () => PosixFileSystem.PublishNoReplace(tempPath, path));

        // Windows: MoveFileEx without MOVEFILE_REPLACE_EXISTING is the no-replace rename.
        try
        {
            File.Move(tempPath, path, overwrite: false);
            return PosixFileSystem.PublishResult.Published;
        }
        catch (IOException) when (File.Exists(path))
        {
            return PosixFileSystem.PublishResult.AlreadyExists;
        }
    }

    /// <summary>
    /// Creates the missing folders between the root and <paramref name="directory"/>, returning those this call created
    /// (their parents' entries must reach the disk too).
    /// </summary>
    private List<string> CreateDirectories(string key, string directory)
    {
        var missing = new List<string>();
        for (string? d = directory; d is not null && d.Length > Root.Length && !Directory.Exists(d); d = Path.GetDirectoryName(d))
            missing.Add(d);
        missing.Reverse();
        var created = new List<string>();
        foreach (string d in missing)
        {
            if (File.Exists(d))
                throw new BronzeException(BronzeErrorKind.Conflict, $"Local store: a prefix of '{key}' in {Description} is an object, not a folder.");
            StoreIo(key, "create its folder", () => Directory.CreateDirectory(d));
            created.Add(d);
        }

        return created;
    }

    private void FlushDirectories(string key, string directory, List<string> createdDirectories)
    {
        if (OperatingSystem.IsWindows()) return;
        StoreIo(key, "flush its folder to disk", () => PosixFileSystem.FsyncDirectory(directory));
        foreach (string created in createdDirectories)
            StoreIo(key, "flush a new folder to disk", () => PosixFileSystem.FsyncDirectory(Path.GetDirectoryName(created)!));
    }

    private T StoreIo<T>(string key, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot {what} for '{key}' in {Description}", e);
        }
    }

    private void StoreIo(string key, string what, Action action) => StoreIo(key, what, () =>
    {
        action();
        return true;
    });

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done here; a leftover temp is hidden from listings and swept by DeleteStaleTempFilesAsync.
        }
    }
}
