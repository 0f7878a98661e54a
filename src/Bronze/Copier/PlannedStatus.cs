namespace Bronze.Copier;

/// <summary>A partition's status before a copy, as a dry-run prints it.</summary>
public enum PlannedStatus
{
    /// <summary>Nothing of it exists: the copy writes its data file and manifest.</summary>
    New,

    /// <summary>Its manifest exists and matches its data file's size: the copy skips it.</summary>
    Complete,

    /// <summary>Its data file exists without a manifest: the copy regenerates it and, if equal, writes the manifest.</summary>
    Incomplete,

    /// <summary>What exists cannot be this run's output (manifest unreadable, data file missing or of another size).</summary>
    Conflict,
}
