using Bronze.Copier;

namespace Bronze;

/// <summary>What a <see cref="CopierEvent"/> reports.</summary>
public enum CopierEventKind
{
    /// <summary>The run planned a partition and is about to process it; the event carries its planned status.</summary>
    Planned,

    /// <summary>Rows were written to a partition's file since the previous progress event of that partition.</summary>
    Progress,

    /// <summary>A partition was written and committed (data file and manifest).</summary>
    Written,

    /// <summary>A partition was already complete (or another writer completed it during this run).</summary>
    Skipped,

    /// <summary>An incomplete partition (data file without manifest) was regenerated, matched and committed.</summary>
    Healed,

    /// <summary>What the store holds differs from what this run would write; nothing was overwritten.</summary>
    Conflict,

    /// <summary>A partition could not be written; nothing of it was published beyond what existed.</summary>
    Failed,
}
