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
    /// A missing <paramref name="filePath"/>, or a folder, gives <see cref="BronzeErrorKind.InvalidInput"/> naming
    /// <c>filePath</c>; a file that cannot be opened gives <see cref="BronzeErrorKind.Failure"/>.
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
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                      || (e is UnauthorizedAccessException && Directory.Exists(filePath)))
        {
            throw BronzeException.Invalid("filePath", "name an existing file", filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BronzeException(BronzeErrorKind.Failure, $"Cannot read '{filePath}': {e.Message}", field: "filePath", innerException: e);
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
                DeleteQuietly(tempPath);
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
    /// Streams <paramref name="content"/> into a new temp file, hashing one chunk while the previous one is written and
    /// asking the kernel to start writing each chunk to disk at once, then flushes the file to disk.
    /// </summary>
    private async Task<(long Size, string Sha256)> WriteTempAsync(
        string key, string tempPath, Stream content, CancellationToken cancellationToken)
    {
        using SafeFileHandle file = StoreIo(key, "create a temp file", () =>
            File.OpenHandle(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var chunks = new ChunkReader(content);
        Task pendingWrite = Task.CompletedTask;
        long offset = 0;
        try
        {
            while (await chunks.NextAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } chunk)
            {
                hash.AppendData(chunk.Span);
                await AwaitWriteAsync(key, pendingWrite).ConfigureAwait(false);
                pendingWrite = WriteChunkAsync(file, chunk, offset, cancellationToken);
                offset += chunk.Length;
            }

            await AwaitWriteAsync(key, pendingWrite).ConfigureAwait(false);
            StoreIo(key, "flush a temp file to disk", () => RandomAccess.FlushToDisk(file));
        }
        finally
        {
            // The chunk reader's buffers are returned to the pool only once no write can still be reading them.
            await pendingWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return (offset, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task WriteChunkAsync(SafeFileHandle file, ReadOnlyMemory<byte> chunk, long offset, CancellationToken cancellationToken)
    {
        await RandomAccess.WriteAsync(file, chunk, offset, cancellationToken).ConfigureAwait(false);
        PosixFileSystem.StartWriteback(file, offset, chunk.Length);
    }

    private static async Task<(long Size, string Sha256)> HashOnlyAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var chunks = new ChunkReader(content);
        long size = 0;
        while (await chunks.NextAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } chunk)
        {
            hash.AppendData(chunk.Span);
            size += chunk.Length;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
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

        // The entries of the folders this put created, and the folder's own entry in any case: a concurrent writer
        // may have created the folder (a partition's, when two copies race) and not flushed its entry yet.
        var parents = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string created in createdDirectories) parents.Add(Path.GetDirectoryName(created)!);
        if (directory.Length > Root.Length) parents.Add(Path.GetDirectoryName(directory)!);
        foreach (string parent in parents)
            StoreIo(key, "flush a folder's entry to disk", () => PosixFileSystem.FsyncDirectory(parent));
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
