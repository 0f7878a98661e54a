using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// File operations resolved beneath an open root folder with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS): the kernel
/// refuses any path that would cross a symbolic link or leave the root, in the same call that opens it, so a link
/// swapped in between a check and a use cannot redirect a read or a write. Linux 5.6 or later.
/// </summary>
internal static class RootedFileSystem
{
    private const ulong Resolve = LinuxCalls.ResolveBeneath | LinuxCalls.ResolveNoSymlinks | LinuxCalls.ResolveNoMagicLinks;

    /// <summary>Opens the root folder itself: links above or at the root are the caller's choice of root.</summary>
    /// <exception cref="IOException">The folder cannot be opened.</exception>
    public static SafeFileHandle OpenRoot(string root) =>
        TryOpenPath(root, LinuxCalls.ORdOnly | LinuxCalls.ODirectory, out int errno) ?? throw Failure("open", root, errno);

    /// <summary>
    /// Opens <paramref name="path"/> as given (links followed), retrying on EINTR; returns <see langword="null"/> with
    /// the errno on failure.
    /// </summary>
    public static SafeFileHandle? TryOpenPath(string path, int flags, out int errno)
    {
        // -1 is the only failure value of open, openat, openat2 and dup; any other value, 0 included, is a descriptor.
        while (true)
        {
            int fd = LinuxCalls.Open(path, flags | LinuxCalls.OCloexec, 0);
            if (fd != -1)
            {
                errno = 0;
                return new SafeFileHandle(fd, ownsHandle: true);
            }

            errno = Marshal.GetLastPInvokeError();
            if (errno != LinuxCalls.EIntr) return null;
        }
    }

    /// <summary>
    /// Opens <paramref name="relative"/> beneath <paramref name="directory"/> without following any link; returns
    /// <see langword="null"/> with the errno (ELOOP for a link anywhere on the path, ENOENT, ENOTDIR...) on failure.
    /// </summary>
    public static SafeFileHandle? TryOpen(SafeFileHandle directory, string relative, int flags, out int errno)
    {
        while (true)
        {
            long fd = LinuxCalls.Openat2(directory, relative, flags | LinuxCalls.OCloexec, Resolve);
            if (fd != -1)
            {
                errno = 0;
                return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
            }

            errno = Marshal.GetLastPInvokeError();
            // EAGAIN: a rename elsewhere raced with the lookup; the kernel asks for a retry.
            if (errno is not (LinuxCalls.EIntr or LinuxCalls.EAgain)) return null;
        }
    }

    /// <summary>Opens a sub-folder (one name or a relative path) for listing, creating entries and fsync.</summary>
    public static SafeFileHandle? TryOpenDirectory(SafeFileHandle directory, string relative, out int errno) =>
        TryOpen(directory, relative, LinuxCalls.ORdOnly | LinuxCalls.ODirectory, out errno);

    /// <summary>What <paramref name="name"/> in <paramref name="directory"/> is (lstat: a link is reported, not followed).</summary>
    /// <exception cref="IOException">statx failed other than with ENOENT or ENOTDIR.</exception>
    public static EntryStatus StatAt(SafeFileHandle directory, string name)
    {
        int result;
        LinuxCalls.StatxBuffer buffer;
        do result = LinuxCalls.Stat(directory, name, out buffer);
        while (result != 0 && Marshal.GetLastPInvokeError() == LinuxCalls.EIntr);
        if (result == 0) return ToStatus(buffer);
        int errno = Marshal.GetLastPInvokeError();
        if (errno is LinuxCalls.ENoEnt or LinuxCalls.ENotDir) return EntryStatus.Missing;
        throw Failure("statx", name, errno);
    }

    /// <summary>What the open file <paramref name="file"/> is.</summary>
    public static EntryStatus StatOf(SafeFileHandle file) => StatAt(file, "");

    /// <summary>Creates the folder <paramref name="name"/>; false when it already exists.</summary>
    /// <exception cref="IOException">mkdirat failed otherwise.</exception>
    public static bool CreateDirectory(SafeFileHandle directory, string name)
    {
        int errno = Retry(() => LinuxCalls.MkdirAt(directory, name, 0x1FF));
        if (errno == LinuxCalls.EExist) return false;
        if (errno != 0) throw Failure("mkdirat", name, errno);
        return true;
    }

    /// <summary>
    /// Creates and opens a new file for writing; fails if the name exists in any form: with O_CREAT | O_EXCL the kernel
    /// never follows a symbolic link, even a dangling one, but fails with EEXIST.
    /// </summary>
    /// <exception cref="IOException">openat failed.</exception>
    public static SafeFileHandle CreateFile(SafeFileHandle directory, string name)
    {
        int flags = LinuxCalls.OWrOnly | LinuxCalls.OCreat | LinuxCalls.OExcl | LinuxCalls.OCloexec;
        int fd;
        do fd = LinuxCalls.OpenAt(directory, name, flags, 0x1B6);
        while (fd == -1 && Marshal.GetLastPInvokeError() == LinuxCalls.EIntr);
        if (fd == -1) throw Failure("openat", name, Marshal.GetLastPInvokeError());
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Removes the file <paramref name="name"/>; false when it was already gone.</summary>
    /// <exception cref="IOException">unlinkat failed otherwise.</exception>
    public static bool Delete(SafeFileHandle directory, string name)
    {
        int errno = Retry(() => LinuxCalls.UnlinkAt(directory, name, 0));
        if (errno == LinuxCalls.ENoEnt) return false;
        if (errno != 0) throw Failure("unlinkat", name, errno);
        return true;
    }

    /// <summary>Writes <paramref name="chunk"/> at <paramref name="offset"/> of an open file.</summary>
    /// <exception cref="IOException">The write failed.</exception>
    public static ValueTask WriteAsync(SafeFileHandle file, ReadOnlyMemory<byte> chunk, long offset, CancellationToken cancellationToken)
    {
        if (FileFaults.Fail(FileCall.Write, file, "")) return ValueTask.FromException(Failure("write", "a temp file", Marshal.GetLastPInvokeError()));
        Task? hold = FileFaults.HoldWrite(file, offset);
        return hold is null ? RandomAccess.WriteAsync(file, chunk, offset, cancellationToken) : WriteAfterAsync(hold, file, chunk, offset, cancellationToken);
    }

    /// <summary>A write a test holds in flight (<see cref="FileFaults.ArmWriteHold"/>): it runs once the hold completes.</summary>
    private static async ValueTask WriteAfterAsync(Task hold, SafeFileHandle file, ReadOnlyMemory<byte> chunk, long offset, CancellationToken cancellationToken)
    {
        await hold.ConfigureAwait(false);
        await RandomAccess.WriteAsync(file, chunk, offset, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes a file or folder to disk.</summary>
    /// <exception cref="IOException">fsync failed.</exception>
    public static void Fsync(SafeFileHandle handle, string what)
    {
        if (Retry(() => LinuxCalls.Fsync(handle)) is int errno and not 0) throw Failure("fsync", what, errno);
    }

    /// <summary>The names in a folder (not <c>.</c> and <c>..</c>) with their kinds, read with readdir and never followed.</summary>
    /// <exception cref="IOException">The folder cannot be read.</exception>
    public static List<(string Name, EntryKind Kind)> ReadEntries(SafeFileHandle directory, string what)
    {
        int fd = LinuxCalls.Dup(directory);
        if (fd == -1) throw Failure("dup", what, Marshal.GetLastPInvokeError());
        IntPtr stream = LinuxCalls.FdOpenDir(fd);
        if (stream == IntPtr.Zero)
        {
            int errno = Marshal.GetLastPInvokeError();
            _ = LinuxCalls.Close(fd);
            throw Failure("fdopendir", what, errno);
        }

        var entries = new List<(string Name, EntryKind Kind)>();
        try
        {
            // The duplicate shares its position with the folder's handle: a read of the same handle before this one
            // left it at the end.
            LinuxCalls.RewindDir(stream);
            while (true)
            {
                IntPtr entry = LinuxCalls.ReadDir(stream);
                if (entry == IntPtr.Zero)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != 0) throw Failure("readdir", what, errno);
                    return entries;
                }

                // struct dirent (glibc, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, then the name.
                byte type = Marshal.ReadByte(entry, 18);
                string name = Marshal.PtrToStringUTF8(entry + 19) ?? "";
                if (name is "." or "..") continue;
                EntryKind kind = type switch
                {
                    8 => EntryKind.File,
                    4 => EntryKind.Directory,
                    10 => EntryKind.SymbolicLink,
                    0 => StatAt(directory, name).Kind, // DT_UNKNOWN: some file systems do not fill d_type
                    _ => EntryKind.Special,
                };
                if (kind != EntryKind.Missing) entries.Add((name, kind));
            }
        }
        finally
        {
            _ = LinuxCalls.CloseDir(stream);
        }
    }

    /// <summary>An IOException carrying the errno, with its message.</summary>
    public static IOException Failure(string call, string path, int errno) =>
        new($"{call} failed for '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    /// <summary>Runs a call that returns 0 or -1, retrying on EINTR; returns 0 or the errno.</summary>
    public static int Retry(Func<int> call)
    {
        while (true)
        {
            if (call() == 0) return 0;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != LinuxCalls.EIntr) return errno;
        }
    }

    private static EntryStatus ToStatus(LinuxCalls.StatxBuffer buffer)
    {
        EntryKind kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.SymbolicLink,
            _ => EntryKind.Special,
        };
        return new EntryStatus(kind, (long)buffer.Size, DateTime.UnixEpoch.AddSeconds(buffer.ModifiedSeconds));
    }
}
