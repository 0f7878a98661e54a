using System.Security.Cryptography;
using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;
using Bronze.Storage;

namespace Bronze;

public sealed partial class LocalStore
{
    /// <inheritdoc />
    /// <remarks>
    /// When the key already exists the content is still read to its end, to report its size and sha256, but nothing is
    /// written. On cancellation or failure the temp file is deleted before the exception propagates. A symbolic link
    /// on the key's path, or a folder, link or special file under the key, gives <see cref="BronzeErrorKind.Conflict"/>.
    /// </remarks>
    public async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        cancellationToken.ThrowIfCancellationRequested();
        return await PutCoreAsync(key, content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A missing <paramref name="filePath"/>, or a folder, gives <see cref="BronzeErrorKind.InvalidInput"/> naming
    /// the field <c>file_path</c>; a file that cannot be opened gives <see cref="BronzeErrorKind.Failure"/>.
    /// </remarks>
    public async Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
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
            throw BronzeException.Invalid("file_path", "name an existing file", filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BronzeException(BronzeErrorKind.Failure, $"Cannot read '{filePath}': {e.Message}", field: "file_path", innerException: e);
        }

        await using (source.ConfigureAwait(false))
        {
            return await PutCoreAsync(key, source, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PutResult> PutCoreAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        int slash = key.LastIndexOf('/');
        string name = key[(slash + 1)..];
        using FolderChain folders = OpenFolders(key, slash < 0 ? "" : key[..slash]);

        // Objects are never deleted, so one that exists now still exists at publish time: skip the disk writes.
        if (ExistingObject(key, folders.Leaf, name))
        {
            (long size, string sha256) = await HashOnlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new PutResult(key, PutOutcome.AlreadyExists, size, sha256);
        }

        string tempName = TempFilePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        try
        {
            (long size, string sha256) = await WriteTempAsync(key, folders.Leaf, tempName, content, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            PosixFileSystem.PublishResult published = StoreIo(key, "publish the object", () => PosixFileSystem.PublishNoReplace(folders.Leaf, tempName, name));
            if (published == PosixFileSystem.PublishResult.AlreadyExists)
            {
                DeleteQuietly(folders.Leaf, tempName);
                _ = ExistingObject(key, folders.Leaf, name); // a folder or link that took the name is a conflict
                return new PutResult(key, PutOutcome.AlreadyExists, size, sha256);
            }

            folders.Flush(this, key);
            return new PutResult(key, PutOutcome.Created, size, sha256);
        }
        catch
        {
            DeleteQuietly(folders.Leaf, tempName);
            throw;
        }
    }

    /// <summary>Whether a regular file holds the name; anything else under it (folder, link, FIFO) is a conflict.</summary>
    private bool ExistingObject(string key, SafeFileHandle folder, string name)
    {
        EntryStatus existing = StoreIo(key, "stat", () => RootedFileSystem.StatAt(folder, name));
        return existing.Kind switch
        {
            EntryKind.Missing => false,
            EntryKind.File => true,
            _ => throw NotAnObject(key, existing.Kind),
        };
    }

    /// <summary>
    /// Streams <paramref name="content"/> into a new temp file, hashing one chunk while the previous one is written and
    /// asking the kernel to start writing each chunk to disk at once, then flushes the file to disk.
    /// </summary>
    private async Task<(long Size, string Sha256)> WriteTempAsync(
        string key, SafeFileHandle folder, string tempName, Stream content, CancellationToken cancellationToken)
    {
        using SafeFileHandle file = StoreIo(key, "create a temp file", () => RootedFileSystem.CreateFile(folder, tempName));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var chunks = new ChunkReader(content, BufferPool);
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
            StoreIo(key, "flush a temp file to disk", () => RootedFileSystem.Fsync(file, tempName));
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
        await RootedFileSystem.WriteAsync(file, chunk, offset, cancellationToken).ConfigureAwait(false);
        PosixFileSystem.StartWriteback(file, offset, chunk.Length);
    }

    private async Task<(long Size, string Sha256)> HashOnlyAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var chunks = new ChunkReader(content, BufferPool);
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

    /// <summary>
    /// Opens the folders of <paramref name="folderKey"/> one by one beneath the root, creating the missing ones, each
    /// relative to its parent's handle and never through a symbolic link.
    /// </summary>
    private FolderChain OpenFolders(string key, string folderKey)
    {
        var chain = new FolderChain(OpenRoot(key));
        try
        {
            if (folderKey.Length == 0) return chain;
            foreach (string segment in folderKey.Split('/'))
            {
                SafeFileHandle? next = RootedFileSystem.TryOpenDirectory(chain.Leaf, segment, out int errno);
                bool created = false;
                if (next is null && errno == LinuxCalls.ENoEnt)
                {
                    created = StoreIo(key, "create its folder", () => RootedFileSystem.CreateDirectory(chain.Leaf, segment));
                    next = RootedFileSystem.TryOpenDirectory(chain.Leaf, segment, out errno);
                }

                if (next is null)
                {
                    throw errno switch
                    {
                        LinuxCalls.ENotDir => new BronzeException(BronzeErrorKind.Conflict,
                            $"Local store: a prefix of '{key}' in {Description} is an object, not a folder."),
                        LinuxCalls.ELoop or LinuxCalls.EXDev => LinkOnPath(key),
                        _ => StoreFailure($"cannot open a folder of '{key}' in {Description}", RootedFileSystem.Failure("openat2", segment, errno)),
                    };
                }

                chain.Add(next, created);
            }

            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
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

    private static void DeleteQuietly(SafeFileHandle folder, string name)
    {
        try
        {
            RootedFileSystem.Delete(folder, name);
        }
        catch (IOException)
        {
            // Nothing more can be done here; a leftover temp is hidden from listings and swept by DeleteStaleTempFilesAsync.
        }
    }
}
