namespace Bronze.Storage;

/// <summary>What a listed entry is. Object stores hold only objects; a local folder can hold more.</summary>
public enum ObjectKind
{
    /// <summary>An object: a regular file on disk.</summary>
    Object,

    /// <summary>A symbolic link below a local store's root; never followed, listed so that verification reports it.</summary>
    SymbolicLink,

    /// <summary>A FIFO, socket or device below a local store's root; never opened, listed so that verification reports it.</summary>
    SpecialFile,

    /// <summary>A folder below a local store's root that cannot be read (permissions); its contents are unknown.</summary>
    UnreadableFolder,
}
