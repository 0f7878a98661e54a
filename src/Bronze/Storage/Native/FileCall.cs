namespace Bronze.Storage.Native;

/// <summary>The file-system calls <see cref="LinuxCalls"/> makes on behalf of a store; what <see cref="FileFaults"/> can fail.</summary>
internal enum FileCall
{
    /// <summary>open(2) of the root folder.</summary>
    Open,

    /// <summary>openat2(2) of a path beneath a folder.</summary>
    OpenBeneath,

    /// <summary>openat(2) that creates a temp file.</summary>
    Create,

    /// <summary>statx(2).</summary>
    Stat,

    /// <summary>mkdirat(2).</summary>
    MakeDirectory,

    /// <summary>A write of a chunk of a temp file.</summary>
    Write,

    /// <summary>fsync(2) of a file or folder.</summary>
    Fsync,

    /// <summary>renameat2(2) with RENAME_NOREPLACE.</summary>
    Rename,

    /// <summary>linkat(2), the publish of file systems without RENAME_NOREPLACE.</summary>
    Link,

    /// <summary>unlinkat(2).</summary>
    Unlink,

    /// <summary>Reading a folder's entries (dup, fdopendir, readdir).</summary>
    ReadDirectory,
}
