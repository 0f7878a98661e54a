using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Copier;

namespace Bronze;

/// <summary>One partition of a copy plan: its status and the keys the copy would write for it.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Status">What the store holds of it, judged against what this run would write.</param>
/// <param name="DirectoryKey">Its folder key.</param>
/// <param name="DataKey">Its data file's key.</param>
/// <param name="ManifestKey">Its manifest's key.</param>
/// <param name="Manifest">Its manifest, when it exists and could be read.</param>
/// <param name="Detail">Why it is a conflict; otherwise <see langword="null"/>.</param>
public sealed record PartitionPlan(
    PartitionRef Partition,
    PartitionState Status,
    string DirectoryKey,
    string DataKey,
    string ManifestKey,
    Manifest? Manifest = null,
    string? Detail = null)
{
    /// <summary>The keys a copy would write for this partition: none when complete or in conflict.</summary>
    public IReadOnlyList<string> KeysToWrite => Status switch
    {
        PartitionState.Absent => [DataKey, ManifestKey],
        PartitionState.Incomplete => [ManifestKey],
        _ => [],
    };

    /// <summary>
    /// The status as a dry-run prints it and telemetry tags it: <c>new</c> (absent: the copy writes it), <c>complete</c>,
    /// <c>incomplete</c> or <c>conflict</c>.
    /// </summary>
    public string StatusName => Status == PartitionState.Absent ? "new" : Status.ToString().ToLowerInvariant();

    /// <summary>The data file's size when it exists, as the planner saw it; otherwise <see langword="null"/>.</summary>
    public long? DataSize { get; init; }

    internal static PartitionPlan Of(PartitionStatus status, string prefix)
    {
        PartitionRef partition = status.Partition;
        return new PartitionPlan(
            partition, status.State, partition.DirectoryKey(prefix), partition.DataKey(prefix), partition.ManifestKey(prefix), status.Manifest, status.Reason)
        {
            DataSize = status.Data?.Size,
        };
    }
}
