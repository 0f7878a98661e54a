using Bronze.Errors;

namespace Bronze.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> on a local (or mounted) file system, rooted at a folder: the key <c>a/b/c.parquet</c>
/// is the file <c>{root}/a/b/c.parquet</c>.
/// </summary>
/// <remarks>
/// <para>
/// A put streams the content through a fixed buffer into a hidden temp file (<c>.bronze-tmp-*</c>) in the destination
/// folder while hashing it, flushes the file to disk, gives it its final name with a rename that never replaces
/// (renameat2 with RENAME_NOREPLACE, or link(2) + unlink(2) where the file system lacks it) and flushes the folder.
/// A crash at any moment leaves either the complete object or nothing under the final name; it may leave a hidden
/// temp file, which is never listed and which <see cref="DeleteStaleTempFilesAsync(TimeSpan, CancellationToken)"/> removes.
/// </para>
/// <para>
/// A file system holds a name either as a file or as a folder, so unlike S3 and GCS this store cannot hold both
/// <c>a/b</c> and <c>a/b/c</c>; the second put fails with <see cref="BronzeErrorKind.Conflict"/>. The Bronze layout
/// never needs both. Instances are thread-safe.
/// </para>
/// </remarks>
public sealed partial class LocalStore : IObjectStore
{
    /// <summary>The name every temp file starts with; hidden because it starts with <c>.</c>, which no key segment may.</summary>
    public const string TempFilePrefix = ".bronze-tmp-";

    private const int BufferSize = 1 << 20;
    private readonly string _rootWithSeparator;

    /// <summary>Opens the store rooted at <paramref name="rootDirectory"/>, creating the folder if it is missing.</summary>
    /// <param name="rootDirectory">The root folder, absolute or relative to the current folder.</param>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty.</exception>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.StoreFailure"/> when the folder cannot be created.</exception>
    public LocalStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        string full = Path.GetFullPath(rootDirectory);
        Root = Path.TrimEndingDirectorySeparator(full);
        _rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot create the store's root folder '{Root}'", e);
        }
    }

    /// <summary>The absolute path of the root folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Description => "file://" + Root;

    /// <inheritdoc />
    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key, readable: true);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var file = new FileInfo(path);
            return Task.FromResult(file.Exists ? new ObjectInfo(key, file.Length) : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot stat '{key}' in {Description}", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>The stream reads the file directly; it supports seeking and <see cref="Stream.Length"/>.</remarks>
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key, readable: true);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Stream stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                      || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            throw BronzeException.NotFound($"object '{key}' in {Description}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot open '{key}' in {Description}", e);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Stream stream = await OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var file = (FileStream)stream;
            try
            {
                long available = Math.Max(0, file.Length - offset);
                byte[] bytes = new byte[(int)Math.Min(length, available)];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = await RandomAccess.ReadAsync(file.SafeFileHandle, bytes.AsMemory(read), offset + read, cancellationToken).ConfigureAwait(false);
                    if (n == 0) return bytes[..read];
                    read += n;
                }

                return bytes;
            }
            catch (IOException e)
            {
                throw StoreFailure($"cannot read '{key}' in {Description}", e);
            }
        }
    }

    /// <summary>The full path of a key, checked to stay under the root (a second line of defence after the key rules).</summary>
    /// <param name="key">The key.</param>
    /// <param name="readable">Whether the key is only read, so it may name a hidden file (<see cref="ObjectKey.ValidateReadable"/>).</param>
    private string PathOf(string key, bool readable = false)
    {
        if (readable) ObjectKey.ValidateReadable(key);
        else ObjectKey.Validate(key);
        string path = Path.GetFullPath(Path.Join(Root, key));
        if (!path.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
            throw BronzeException.Invalid("key", "stay under the store's root folder", key);
        return path;
    }

    private static BronzeException StoreFailure(string what, Exception inner) =>
        new(BronzeErrorKind.StoreFailure, $"Local store: {what}: {inner.Message}", innerException: inner);
}
