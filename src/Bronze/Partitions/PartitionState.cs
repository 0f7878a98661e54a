namespace Bronze.Partitions;

/// <summary>What the store holds of a partition: the one status every reader of a store (copy, dry-run, ls) uses.</summary>
public enum PartitionState
{
    /// <summary>Neither data file nor manifest exists: a copy writes both (a dry-run prints it as <c>new</c>).</summary>
    Absent,

    /// <summary>The manifest exists, names the partition of its path, and matches the data file's size: it is committed.</summary>
    Complete,

    /// <summary>The data file exists without a manifest: a crash between the two writes; a copy heals it.</summary>
    Incomplete,

    /// <summary>What exists cannot be the partition at its path (or this run's output); it is reported and never overwritten.</summary>
    Conflict,
}
