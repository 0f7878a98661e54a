using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;
using Bronze.Storage;

namespace Bronze;

public sealed partial class LocalStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Walks the folders under the prefix through handles opened beneath the root, one folder's entries in memory at a
    /// time, and yields keys in ordinal order as it goes (a folder <c>a</c> sorts as <c>a/</c> among its siblings, which
    /// puts its keys where ordinal order of whole keys puts them). The store's temp files are skipped. Everything else
    /// is listed, so that verification can report what does not belong: names no key could have, and, with their
    /// <see cref="ObjectKind"/>, symbolic links (never followed), FIFOs, sockets and devices (never opened) and folders
    /// that cannot be read. A prefix whose folder does not exist lists nothing.
    /// </remarks>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> when the prefix breaks a rule of <see cref="ObjectKey.ValidatePrefix"/>;
    /// <see cref="BronzeErrorKind.Conflict"/> when the prefix's folder path crosses a symbolic link;
    /// <see cref="BronzeErrorKind.StoreFailure"/> when a folder cannot be read.
    /// </exception>
    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        int slash = prefix.LastIndexOf('/');
        string folderKey = slash < 0 ? "" : prefix[..slash];
        string namePrefix = prefix[(slash + 1)..];
        return List(folderKey, namePrefix, cancellationToken).ToAsyncEnumerable();
    }

    /// <summary>
    /// Deletes the temp files that writers left behind when they were killed (a crash or SIGKILL leaves no chance to
    /// clean up), if they were last written more than <paramref name="olderThan"/> ago. Objects are never touched.
    /// </summary>
    /// <remarks>
    /// A writer in progress updates its temp file's time with every write, so an age well above the longest pause of a
    /// source (e.g. one hour) removes only abandoned files. Should a live writer's temp file be removed anyway, that
    /// writer fails; nothing partial is ever published.
    /// </remarks>
    /// <param name="olderThan">The minimum age of a temp file to delete; must not be negative.</param>
    /// <param name="cancellationToken">Stops the sweep between files.</param>
    /// <returns>The number of temp files deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="olderThan"/> is negative.</exception>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.StoreFailure"/> when a folder cannot be read.</exception>
    public Task<int> DeleteStaleTempFilesAsync(TimeSpan olderThan, CancellationToken cancellationToken = default) =>
        DeleteStaleTempFilesAsync("", olderThan, cancellationToken);

    /// <summary>
    /// As <see cref="DeleteStaleTempFilesAsync(TimeSpan, CancellationToken)"/>, but only in the folder of
    /// <paramref name="folderKey"/> and below it: a copier sweeps its own dataset, not a whole shared root.
    /// </summary>
    /// <param name="folderKey">A key prefix naming a folder (e.g. <c>pubnet/pre_p23/v1/ledgers_lcm_raw</c>); empty for the
    /// root. A folder that does not exist holds nothing to sweep.</param>
    /// <param name="olderThan">The minimum age of a temp file to delete; must not be negative.</param>
    /// <param name="cancellationToken">Stops the sweep between files.</param>
    /// <returns>The number of temp files deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="olderThan"/> is negative.</exception>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> for a prefix that breaks a rule of <see cref="ObjectKey.ValidatePrefix"/>;
    /// <see cref="BronzeErrorKind.StoreFailure"/> when a folder cannot be read.
    /// </exception>
    public Task<int> DeleteStaleTempFilesAsync(string folderKey, TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folderKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        ObjectKey.ValidatePrefix(folderKey, nameof(folderKey));
        string trimmed = folderKey.TrimEnd('/');
        DateTime cutoff = DateTime.UtcNow - olderThan;
        using SafeFileHandle? folder = OpenFolderForWalk(trimmed);
        if (folder is null) return Task.FromResult(0);
        try
        {
            return Task.FromResult(Sweep(folder, trimmed, cutoff, cancellationToken));
        }
        catch (IOException e)
        {
            throw StoreFailure("cannot sweep stale temp files", e);
        }
    }

    private int Sweep(SafeFileHandle folder, string folderKey, DateTime cutoff, CancellationToken cancellationToken)
    {
        int deleted = 0;
        foreach ((string name, EntryKind kind) in RootedFileSystem.ReadEntries(folder, folderKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (kind == EntryKind.Directory)
            {
                using SafeFileHandle? child = RootedFileSystem.TryOpenDirectory(folder, name, out _);
                if (child is not null) deleted += Sweep(child, ChildKey(folderKey, name), cutoff, cancellationToken);
            }
            else if (kind == EntryKind.File && name.StartsWith(TempFilePrefix, StringComparison.Ordinal)
                     && RootedFileSystem.StatAt(folder, name) is { Kind: EntryKind.File } status && status.ModifiedUtc < cutoff
                     && RootedFileSystem.Delete(folder, name))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private IEnumerable<ObjectInfo> List(string folderKey, string namePrefix, CancellationToken cancellationToken)
    {
        using SafeFileHandle? folder = OpenFolderForWalk(folderKey);
        if (folder is null) yield break;
        foreach (ObjectInfo info in Walk(folder, folderKey, namePrefix, cancellationToken)) yield return info;
    }

    /// <summary>The folder of a listing or sweep, opened beneath the root; <see langword="null"/> when it does not exist.</summary>
    private SafeFileHandle? OpenFolderForWalk(string folderKey)
    {
        SafeFileHandle root = OpenRoot(folderKey);
        if (folderKey.Length == 0) return root;
        using (root)
        {
            SafeFileHandle? folder = RootedFileSystem.TryOpenDirectory(root, folderKey, out int errno);
            if (folder is not null) return folder;
            return errno switch
            {
                LinuxCalls.ENoEnt or LinuxCalls.ENotDir => null, // a missing folder, or an object, lists nothing
                LinuxCalls.ELoop or LinuxCalls.EXDev => throw LinkOnPath(folderKey),
                _ => throw StoreFailure($"cannot list the folder '{folderKey}'", RootedFileSystem.Failure("openat2", folderKey, errno)),
            };
        }
    }

    private IEnumerable<ObjectInfo> Walk(SafeFileHandle folder, string folderKey, string namePrefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach ((string name, EntryKind kind) in SortedEntries(folder, folderKey, namePrefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string key = ChildKey(folderKey, name);
            if (kind != EntryKind.Directory)
            {
                EntryStatus status = kind == EntryKind.File ? StoreIo(key, "stat", () => RootedFileSystem.StatAt(folder, name)) : new(kind, 0, default);
                if (status.Kind == EntryKind.Missing) continue; // removed while listed
                yield return new ObjectInfo(key, status.Kind == EntryKind.File ? status.Size : 0, ToObjectKind(status.Kind));
                continue;
            }

            using SafeFileHandle? child = RootedFileSystem.TryOpenDirectory(folder, name, out int errno);
            if (child is null)
            {
                if (errno != LinuxCalls.ENoEnt)
                    yield return new ObjectInfo(key, 0, errno == LinuxCalls.ELoop ? ObjectKind.SymbolicLink : ObjectKind.UnreadableFolder);
                continue;
            }

            foreach (ObjectInfo info in Walk(child, key, "", cancellationToken))
                yield return info;
        }
    }

    private List<(string Name, EntryKind Kind)> SortedEntries(SafeFileHandle folder, string folderKey, string namePrefix)
    {
        List<(string Name, EntryKind Kind)> entries = StoreIo(folderKey, "list a folder", () => RootedFileSystem.ReadEntries(folder, folderKey));
        entries.RemoveAll(e => !e.Name.StartsWith(namePrefix, StringComparison.Ordinal) || e.Name.StartsWith(TempFilePrefix, StringComparison.Ordinal));
        entries.Sort((x, y) => string.CompareOrdinal(SortKey(x), SortKey(y)));
        return entries;
    }

    /// <summary>The key of <paramref name="name"/> in the folder of <paramref name="folderKey"/> (empty for the root).</summary>
    private static string ChildKey(string folderKey, string name) => folderKey.Length == 0 ? name : folderKey + "/" + name;

    private static string SortKey((string Name, EntryKind Kind) entry) => entry.Kind == EntryKind.Directory ? entry.Name + "/" : entry.Name;

    private static ObjectKind ToObjectKind(EntryKind kind) => kind switch
    {
        EntryKind.File => ObjectKind.Object,
        EntryKind.SymbolicLink => ObjectKind.SymbolicLink,
        _ => ObjectKind.SpecialFile,
    };
}
