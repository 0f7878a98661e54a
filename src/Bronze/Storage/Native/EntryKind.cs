namespace Bronze.Storage.Native;

/// <summary>What a name in a folder is, as lstat sees it (a link is never followed).</summary>
internal enum EntryKind
{
    /// <summary>The name does not exist.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link, whatever it points to.</summary>
    SymbolicLink,

    /// <summary>A FIFO, socket or device: opening one may block or have side effects.</summary>
    Special,
}
