using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;

namespace Bronze.Copier;

/// <summary>
/// What a run would write, for the planner to compare with what exists: a complete partition written with another
/// codec or holding another number of rows is not this run's output, and neither is one overlapping the range.
/// </summary>
/// <param name="Existing">The table's partitions already in the store.</param>
/// <param name="Codec">The manifest name of the run's codec.</param>
/// <param name="ExpectedRows">The rows the run's source has for a partition.</param>
internal sealed record PlanExpectations(ExistingPartitions Existing, string Codec, Func<PartitionRef, long> ExpectedRows)
{
    /// <summary>Why a complete partition whose manifest has <paramref name="entry"/> is not this run's output; otherwise <see langword="null"/>.</summary>
    public string? Mismatch(PartitionRef partition, ManifestTableEntry entry)
    {
        if (entry.Codec != Codec) return $"the partition was written with codec {entry.Codec ?? "(unknown)"}, this run uses {Codec}";
        long rows = ExpectedRows(partition);
        return entry.RowCount == rows ? null : $"the manifest says {entry.RowCount} rows, this run's source has {rows}";
    }
}
