using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// The few POSIX calls <see cref="LocalStore"/> needs and .NET does not expose: a rename that never replaces, a hard
/// link, and fsync of a folder (.NET refuses to open folders as files).
/// </summary>
internal static class PosixFileSystem
{
    /// <summary>errno: the file exists.</summary>
    public const int EExist = 17;

    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const int ENoSys = 38;
    private const int EInval = 22;
    private const int ENotSup = 95;
    private const int EIntr = 4;
    private const int ODirectory = 0x10000; // Linux; other Unixes use another value and do not reach this code.
    private const int OCloexec = 0x80000;
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
    /// Gives <paramref name="tempPath"/> the name <paramref name="finalPath"/> unless that name exists, atomically:
    /// renameat2(RENAME_NOREPLACE), or link(2) + unlink(2) of the temp where the file system lacks it (EINVAL).
    /// </summary>
    /// <exception cref="IOException">Any other failure, with its errno.</exception>
    public static PublishResult PublishNoReplace(string tempPath, string finalPath)
    {
        if (OperatingSystem.IsLinux())
        {
            int errno = Retry(() => renameat2(AtFdCwd, tempPath, AtFdCwd, finalPath, RenameNoReplace));
            if (errno == 0) return PublishResult.Published;
            if (errno == EExist) return PublishResult.AlreadyExists;
            if (errno is not (EInval or ENoSys or ENotSup)) throw Failure("renameat2", finalPath, errno);
        }

        return LinkNoReplace(tempPath, finalPath);
    }

    /// <summary>
    /// The fallback publish for file systems without RENAME_NOREPLACE: link(2) fails with EEXIST rather than replace,
    /// and the temp name is removed once the final name holds the file.
    /// </summary>
    /// <exception cref="IOException">Any failure other than EEXIST, with its errno.</exception>
    public static PublishResult LinkNoReplace(string tempPath, string finalPath)
    {
        int errno = Retry(() => link(tempPath, finalPath));
        if (errno == EExist) return PublishResult.AlreadyExists;
        if (errno != 0) throw Failure("link", finalPath, errno);
        File.Delete(tempPath);
        return PublishResult.Published;
    }

    /// <summary>Flushes a folder's entries (names created or renamed in it) to disk.</summary>
    /// <exception cref="IOException">The folder could not be opened or flushed.</exception>
    public static void FsyncDirectory(string directory)
    {
        int flags = OperatingSystem.IsLinux() ? ODirectory | OCloexec : 0;
        int fd;
        do fd = open(directory, flags, 0);
        while (fd < 0 && Marshal.GetLastPInvokeError() == EIntr);
        if (fd < 0) throw Failure("open", directory, Marshal.GetLastPInvokeError());
        try
        {
            if (Retry(() => fsync(fd)) is int errno and not 0) throw Failure("fsync", directory, errno);
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>
    /// Asks Linux to start writing a range of a file to disk now, without waiting (sync_file_range with
    /// SYNC_FILE_RANGE_WRITE), so that the disk works while the writer hashes the next chunks and the final fsync finds
    /// little left to do. Only a hint: elsewhere, or when it fails, nothing happens and fsync still does the work.
    /// </summary>
    public static void StartWriteback(SafeFileHandle file, long offset, long count)
    {
        if (OperatingSystem.IsLinux()) _ = sync_file_range(file, offset, count, SyncFileRangeWrite);
    }

    private static int Retry(Func<int> call)
    {
        while (true)
        {
            if (call() == 0) return 0;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != EIntr) return errno;
        }
    }

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call} failed for '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(
        int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath,
        int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(SafeFileHandle fd, long offset, long nbytes, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
