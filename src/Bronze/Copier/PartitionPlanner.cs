using Bronze.Layout;
using Bronze.Partitions;

namespace Bronze.Copier;

/// <summary>
/// A partition's plan in a copy: its status in the store, and a conflict also when it cannot be this run's output
/// (it overlaps another partition, lies under a file, or was written with another codec or row count). Reads only.
/// </summary>
internal static class PartitionPlanner
{
    /// <exception cref="BronzeException">The store failed.</exception>
    public static async Task<PartitionPlan> PlanAsync(
        PartitionStore store, PartitionRef partition, PlanExpectations expected, CancellationToken cancellationToken)
    {
        // An obstacle is known from the run's one listing: no request is made for the partition. (No pattern variables
        // below: a mutation test cannot compile a flipped condition that binds one, so it would leave these unmeasured.)
        string? obstacle = expected.Existing.Obstacle(partition);
        PartitionStatus status = obstacle is not null
            ? new PartitionStatus(partition, PartitionState.Conflict, null, null, obstacle)
            : await store.GetStatusAsync(partition, cancellationToken).ConfigureAwait(false);
        if (status.State != PartitionState.Complete || status.Manifest is null) return PartitionPlan.Of(status, store.Prefix);
        string? other = expected.Mismatch(partition, status.Manifest.Tables[partition.Table]);
        if (other is not null) status = status with { State = PartitionState.Conflict, Reason = other };
        return PartitionPlan.Of(status, store.Prefix);
    }
}
