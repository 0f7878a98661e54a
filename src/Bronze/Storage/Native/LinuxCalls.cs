using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// The Linux system calls behind <see cref="RootedFileSystem"/>: every path is resolved relative to an open folder,
/// so no name can be swapped for a symbolic link between a check and its use.
/// </summary>
internal static class LinuxCalls
{
    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EAccess = 13;
    public const int EExist = 17;
    public const int EXDev = 18;
    public const int ENotDir = 20;
    public const int EIsDir = 21;
    public const int EInval = 22;
    public const int ENoSys = 38;
    public const int ELoop = 40;
    public const int ENotSup = 95;

    public const int ORdOnly = 0;
    public const int OWrOnly = 1;
    public const int OCreat = 0x40;
    public const int OExcl = 0x80;
    public const int ONonBlock = 0x800;
    public const int OCloexec = 0x80000;
    public const int OPath = 0x200000;

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtEmptyPath = 0x1000;

    public const ulong ResolveNoMagicLinks = 0x02;
    public const ulong ResolveNoSymlinks = 0x04;
    public const ulong ResolveBeneath = 0x08;

    public const uint RenameNoReplace = 1;

    private const long SysOpenat2 = 437; // the same number on every Linux architecture (added after the 5.1 unification)
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>O_DIRECTORY: its value differs between architectures.</summary>
    public static int ODirectory => IsArm ? 0x4000 : 0x10000;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    /// <summary>openat2(2); returns the fd or -1 with errno set.</summary>
    public static long Openat2(SafeFileHandle directory, string path, int flags, ulong resolve)
    {
        if (Planned(FileCall.OpenBeneath, directory, path) is { } failed) return failed;
        var how = new OpenHow { Flags = (ulong)(uint)flags, Mode = 0, Resolve = resolve };
        return syscall(SysOpenat2, directory, path, ref how, (nuint)Marshal.SizeOf<OpenHow>());
    }

    /// <summary>
    /// statx(2) of <paramref name="path"/> relative to <paramref name="directory"/>, never following a link; an empty
    /// path is <paramref name="directory"/> itself (AT_EMPTY_PATH, which changes nothing for a non-empty path).
    /// </summary>
    public static int Stat(SafeFileHandle directory, string path, out StatxBuffer buffer)
    {
        buffer = default;
        return Planned(FileCall.Stat, directory, path) ?? statx(directory, path, AtSymlinkNoFollow | AtEmptyPath, StatxBasicStats, out buffer);
    }

    /// <summary>openat(2).</summary>
    public static int OpenAt(SafeFileHandle dirfd, string path, int flags, int mode) =>
        Planned(FileCall.Create, dirfd, path) ?? openat(dirfd, path, flags, mode);

    /// <summary>open(2).</summary>
    public static int Open(string path, int flags, int mode) => Planned(FileCall.Open, null, path) ?? open(path, flags, mode);

    /// <summary>mkdirat(2).</summary>
    public static int MkdirAt(SafeFileHandle dirfd, string path, int mode) =>
        Planned(FileCall.MakeDirectory, dirfd, path) ?? mkdirat(dirfd, path, mode);

    /// <summary>renameat2(2).</summary>
    public static int RenameAt2(SafeFileHandle olddirfd, string oldpath, SafeFileHandle newdirfd, string newpath, uint flags) =>
        Planned(FileCall.Rename, newdirfd, newpath) ?? renameat2(olddirfd, oldpath, newdirfd, newpath, flags);

    /// <summary>linkat(2).</summary>
    public static int LinkAt(SafeFileHandle olddirfd, string oldpath, SafeFileHandle newdirfd, string newpath, int flags) =>
        Planned(FileCall.Link, newdirfd, newpath) ?? linkat(olddirfd, oldpath, newdirfd, newpath, flags);

    /// <summary>unlinkat(2).</summary>
    public static int UnlinkAt(SafeFileHandle dirfd, string path, int flags) =>
        Planned(FileCall.Unlink, dirfd, path) ?? unlinkat(dirfd, path, flags);

    /// <summary>fsync(2).</summary>
    public static int Fsync(SafeFileHandle fd) => Planned(FileCall.Fsync, fd, "") ?? fsync(fd);

    /// <summary>dup(2), the first step of reading a folder.</summary>
    public static int Dup(SafeFileHandle fd) => Planned(FileCall.ReadDirectory, fd, "") ?? dup(fd);

    /// <summary>
    /// What a wrapper returns instead of making the call when <see cref="FileFaults"/> fails it: -1 with errno set, as
    /// the kernel's failure would be; <see langword="null"/> to make the call.
    /// </summary>
    private static int? Planned(FileCall call, SafeHandle? handle, string name) => FileFaults.Fail(call, handle, name) ? -1 : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    /// <summary>struct statx: the same layout on every Linux architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long ModifiedSeconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, SafeFileHandle dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref OpenHow how, nuint size);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(SafeFileHandle dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int openat(SafeFileHandle dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int mkdirat(SafeFileHandle dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(
        SafeFileHandle olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath,
        SafeFileHandle newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int linkat(
        SafeFileHandle olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath,
        SafeFileHandle newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlinkat(SafeFileHandle dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(SafeFileHandle fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup(SafeFileHandle fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "fdopendir")]
    public static extern IntPtr FdOpenDir(int fd);

    [DllImport("libc", EntryPoint = "rewinddir")]
    public static extern void RewindDir(IntPtr directory);

    [DllImport("libc", SetLastError = true, EntryPoint = "readdir")]
    public static extern IntPtr ReadDir(IntPtr directory);

    [DllImport("libc", SetLastError = true, EntryPoint = "closedir")]
    public static extern int CloseDir(IntPtr directory);

    [DllImport("libc", SetLastError = true, EntryPoint = "close")]
    public static extern int Close(int fd);
}
