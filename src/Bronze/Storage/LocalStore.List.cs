using Bronze.Errors;

namespace Bronze.Storage;

public sealed partial class LocalStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Walks the folders under the prefix, one folder's entries in memory at a time, and yields keys in ordinal order
    /// as it goes (a folder <c>a</c> sorts as <c>a/</c> among its siblings, which puts its keys where ordinal order of
    /// whole keys puts them). Hidden names (temp files) and names no key could have are skipped, as are symbolic links
    /// to folders. A prefix whose folder does not exist lists nothing.
    /// </remarks>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> when the prefix breaks a rule of <see cref="ObjectKey.ValidatePrefix"/>.
    /// </exception>
    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        int slash = prefix.LastIndexOf('/');
        string folderKey = slash < 0 ? "" : prefix[..slash];
        string namePrefix = prefix[(slash + 1)..];
        string folder = folderKey.Length == 0 ? Root : PathOf(folderKey);
        return Walk(folder, folderKey, namePrefix, cancellationToken).ToAsyncEnumerable();
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
        string folder = trimmed.Length == 0 ? Root : PathOf(trimmed);
        DateTime cutoff = DateTime.UtcNow - olderThan;
        int deleted = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        try
        {
            if (!Directory.Exists(folder)) return Task.FromResult(0);
            foreach (FileInfo temp in new DirectoryInfo(folder).EnumerateFiles(TempFilePrefix + "*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (temp.LastWriteTimeUtc >= cutoff) continue;
                temp.Delete();
                deleted++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure("cannot sweep stale temp files", e);
        }

        return Task.FromResult(deleted);
    }

    private IEnumerable<ObjectInfo> Walk(string folder, string folderKey, string namePrefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach ((FileSystemInfo entry, _) in SortedEntries(folder, namePrefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string key = folderKey.Length == 0 ? entry.Name : folderKey + "/" + entry.Name;
            if (key.Length > ObjectKey.MaxLength) continue;
            if (entry is FileInfo file)
            {
                yield return new ObjectInfo(key, file.Length);
                continue;
            }

            foreach (ObjectInfo info in Walk(entry.FullName, key, "", cancellationToken))
                yield return info;
        }
    }

    private List<(FileSystemInfo Entry, string SortKey)> SortedEntries(string folder, string namePrefix)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception e) when (e is DirectoryNotFoundException || (e is IOException && File.Exists(folder)))
        {
            // A prefix whose folder is missing, or is an object, lists nothing.
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFailure($"cannot list the folder '{folder}'", e);
        }

        var selected = new List<(FileSystemInfo Entry, string SortKey)>(entries.Length);
        foreach (FileSystemInfo entry in entries)
        {
            if (!entry.Name.StartsWith(namePrefix, StringComparison.Ordinal) || !IsKeySegment(entry.Name)) continue;
            if (entry is DirectoryInfo directory)
            {
                if (directory.LinkTarget is null) selected.Add((entry, entry.Name + "/"));
            }
            else
            {
                selected.Add((entry, entry.Name));
            }
        }

        selected.Sort((x, y) => string.CompareOrdinal(x.SortKey, y.SortKey));
        return selected;
    }

    private static bool IsKeySegment(string name) =>
        name.Length is > 0 and <= ObjectKey.MaxSegmentLength && name[0] != '.' && name.All(ObjectKey.IsAllowedChar);
}
