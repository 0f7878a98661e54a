using System.Buffers;
using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;
using Bronze.Storage;

namespace Bronze;

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
/// <para>
/// Every path is resolved beneath the root with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), and every write goes
/// through folder handles opened that way: a symbolic link anywhere below the root (a partition folder, a data file)
/// is never followed, even one swapped in while a write runs; the operation fails with
/// <see cref="BronzeErrorKind.Conflict"/>. FIFOs, sockets and devices are never opened. Linux 5.6 or later.
/// </para>
/// </remarks>
public sealed partial class LocalStore : IObjectStore
{
    /// <summary>The name every temp file starts with; hidden because it starts with <c>.</c>, which no key segment may.</summary>
    public const string TempFilePrefix = ".bronze-tmp-";

    private const int BufferSize = 1 << 20;

    /// <summary>Opens the store rooted at <paramref name="rootDirectory"/>, creating the folder if it is missing.</summary>
    /// <param name="rootDirectory">The root folder, absolute or relative to the current folder.</param>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty.</exception>
    /// <exception cref="PlatformNotSupportedException">The system is not Linux.</exception>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.StoreFailure"/> when the folder cannot be created.</exception>
    public LocalStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("LocalStore needs Linux 5.6 or later (openat2).");
        string full = Path.GetFullPath(rootDirectory);
        Root = Path.TrimEndingDirectorySeparator(full);
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

    /// <summary>Where a put rents its two chunk buffers (tests give a pool that checks every buffer comes back).</summary>
    internal ArrayPool<byte> BufferPool { get; init; } = ArrayPool<byte>.Shared;

    /// <inheritdoc />
    /// <remarks>
    /// A key whose path crosses a symbolic link, or that names a FIFO, socket or device, gives
    /// <see cref="BronzeErrorKind.Conflict"/>: the store never follows a link below its root and never opens a special file.
    /// </remarks>
    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidateReadable(key);
        cancellationToken.ThrowIfCancellationRequested();
        using SafeFileHandle? file = OpenBeneath(key, LinuxCalls.OPath, missingIsNull: true);
        if (file is null) return Task.FromResult<ObjectInfo?>(null);
        EntryStatus status = StoreIo(key, "stat", () => RootedFileSystem.StatOf(file));
        return Task.FromResult(status.Kind switch
        {
            EntryKind.File => new ObjectInfo(key, status.Size),
            EntryKind.Directory => null,
            _ => throw NotAnObject(key, status.Kind),
        });
    }

    /// <inheritdoc />
    /// <remarks>
    /// The stream reads the file directly; it supports seeking and <see cref="Stream.Length"/>. The file is opened
    /// without blocking and checked to be a regular file before any read, so a FIFO under the key cannot hang the
    /// caller; a symbolic link or special file gives <see cref="BronzeErrorKind.Conflict"/>.
    /// </remarks>
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidateReadable(key);
        cancellationToken.ThrowIfCancellationRequested();
        SafeFileHandle file = OpenBeneath(key, LinuxCalls.ORdOnly | LinuxCalls.ONonBlock, missingIsNull: false)!;
        try
        {
            EntryStatus status = StoreIo(key, "stat", () => RootedFileSystem.StatOf(file));
            if (status.Kind == EntryKind.Directory) throw BronzeException.NotFound($"object '{key}' in {Description}");
            if (status.Kind != EntryKind.File) throw NotAnObject(key, status.Kind);
            return Task.FromResult<Stream>(new FileStream(file, FileAccess.Read, bufferSize: 1 << 16));
        }
        catch
        {
            file.Dispose();
            throw;
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

    /// <summary>
    /// Opens a key's path beneath the root, refusing any symbolic link on the way (the kernel checks, in the same call).
    /// </summary>
    private SafeFileHandle? OpenBeneath(string key, int flags, bool missingIsNull)
    {
        using SafeFileHandle root = OpenRoot(key);
        SafeFileHandle? file = RootedFileSystem.TryOpen(root, key, flags, out int errno);
        if (file is not null) return file;
        if (errno is LinuxCalls.ENoEnt or LinuxCalls.ENotDir)
            return missingIsNull ? null : throw BronzeException.NotFound($"object '{key}' in {Description}");
        if (errno is LinuxCalls.ELoop or LinuxCalls.EXDev) throw LinkOnPath(key);
        throw StoreFailure($"cannot open '{key}' in {Description}", RootedFileSystem.Failure("openat2", key, errno));
    }

    private SafeFileHandle OpenRoot(string key) => StoreIo(key, "open the root folder", () => RootedFileSystem.OpenRoot(Root));

    private BronzeException LinkOnPath(string key) => new(BronzeErrorKind.Conflict,
        $"Local store: the path of '{key}' in {Description} crosses a symbolic link; the store never follows links below its root.");

    private BronzeException NotAnObject(string key, EntryKind kind) => new(BronzeErrorKind.Conflict,
        $"Local store: '{key}' in {Description} is a {Describe(kind)}, not a regular file; the store never opens one.");

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.SymbolicLink => "symbolic link",
        EntryKind.Directory => "folder",
        _ => "FIFO, socket or device",
    };

    private static BronzeException StoreFailure(string what, Exception inner) =>
        new(BronzeErrorKind.StoreFailure, $"Local store: {what}: {inner.Message}", innerException: inner);
}
