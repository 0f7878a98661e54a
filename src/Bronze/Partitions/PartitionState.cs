namespace Bronze.Partitions;

/// <summary>What the store holds of a partition, as the planner sees it.</summary>
public enum PartitionState
{
    /// <summary>Neither data file nor manifest exists: the partition is to be written.</summary>
    Absent,

    /// <summary>The manifest exists: the partition is committed.</summary>
    Complete,

    /// <summary>The data file exists without a manifest: a crash between the two writes; it can be healed.</summary>
    Incomplete,

    /// <summary>What exists differs from what this run would write; it is reported and never overwritten.</summary>
    Conflict,
}
