using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// The publish step of <see cref="LocalStore"/>: a rename that never replaces, or a hard link where the file system
/// lacks it, both relative to the open destination folder; and a write-back hint.
/// </summary>
internal static class PosixFileSystem
{
    private const uint SyncFileRangeWrite = 2;

    /// <summary>How a no-replace publish ended.</summary>
    public enum PublishResult
    {
        /// <summary>The temp file now holds the final name.</summary>
        Published,

        /// <summary>The final name already existed; nothing changed.</summary>
        AlreadyExists,
    }

    /// <summary>
    /// Gives <paramref name="tempName"/> the name <paramref name="finalName"/> in <paramref name="directory"/> unless that
    /// name exists, atomically: renameat2(RENAME_NOREPLACE), or linkat(2) + unlinkat(2) of the temp where the file system
    /// lacks it (EINVAL).
    /// </summary>
    /// <exception cref="IOException">Any other failure, with its errno.</exception>
    public static PublishResult PublishNoReplace(SafeFileHandle directory, string tempName, string finalName)
    {
        int errno = RootedFileSystem.Retry(() => LinuxCalls.RenameAt2(directory, tempName, directory, finalName, LinuxCalls.RenameNoReplace));
        if (errno == 0) return PublishResult.Published;
        if (errno == LinuxCalls.EExist) return PublishResult.AlreadyExists;
        if (errno is not (LinuxCalls.EInval or LinuxCalls.ENoSys or LinuxCalls.ENotSup)) throw RootedFileSystem.Failure("renameat2", finalName, errno);
        return LinkNoReplace(directory, tempName, finalName);
    }

    /// <summary>
    /// The fallback publish for file systems without RENAME_NOREPLACE: linkat(2) fails with EEXIST rather than replace,
    /// and the temp name is removed once the final name holds the file.
    /// </summary>
    /// <exception cref="IOException">Any failure other than EEXIST, with its errno.</exception>
    public static PublishResult LinkNoReplace(SafeFileHandle directory, string tempName, string finalName)
    {
        int errno = RootedFileSystem.Retry(() => LinuxCalls.LinkAt(directory, tempName, directory, finalName, 0));
        if (errno == LinuxCalls.EExist) return PublishResult.AlreadyExists;
        if (errno != 0) throw RootedFileSystem.Failure("linkat", finalName, errno);
        RootedFileSystem.Delete(directory, tempName);
        return PublishResult.Published;
    }

    /// <summary>
    /// Asks Linux to start writing a range of a file to disk now, without waiting (sync_file_range with
    /// SYNC_FILE_RANGE_WRITE), so that the disk works while the writer hashes the next chunks and the final fsync finds
    /// little left to do. Only a hint: when it fails, nothing happens and fsync still does the work.
    /// </summary>
    public static void StartWriteback(SafeFileHandle file, long offset, long count) =>
        _ = sync_file_range(file, offset, count, SyncFileRangeWrite);

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(SafeFileHandle fd, long offset, long nbytes, uint flags);
}
