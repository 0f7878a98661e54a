namespace Bronze.Storage.Native;

/// <summary>What statx says of a name or an open file.</summary>
/// <param name="Kind">What the entry is.</param>
/// <param name="Size">Its size in bytes (meaningful for files).</param>
/// <param name="ModifiedUtc">Its last modification time.</param>
internal readonly record struct EntryStatus(EntryKind Kind, long Size, DateTime ModifiedUtc)
{
    public static EntryStatus Missing => new(EntryKind.Missing, 0, default);
}
