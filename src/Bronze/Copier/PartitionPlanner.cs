using Bronze.Errors;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;

namespace Bronze.Copier;

/// <summary>Reads a partition's status from the store alone, as a copy or a dry-run sees it. Reads only; writes nothing.</summary>
public static class PartitionPlanner
{
    /// <summary>
    /// The partition's status: <see cref="PlannedStatus.New"/> when nothing of it exists,
    /// <see cref="PlannedStatus.Incomplete"/> with only a data file, <see cref="PlannedStatus.Complete"/> when its
    /// manifest is readable, describes it and matches the data file's size, otherwise <see cref="PlannedStatus.Conflict"/>.
    /// </summary>
    /// <param name="store">The partition store.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    public static async Task<PartitionPlan> PlanAsync(PartitionStore store, PartitionRef partition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(partition);
        PartitionStatus status = await store.GetStatusAsync(partition, cancellationToken).ConfigureAwait(false);
        string prefix = store.Prefix;
        PartitionPlan Plan(PlannedStatus planned, Manifest? manifest = null, string? detail = null) => new(
            partition, planned, partition.DirectoryKey(prefix), partition.DataKey(prefix), partition.ManifestKey(prefix), manifest, detail);

        switch (status.State)
        {
            case PartitionState.Absent:
                return Plan(PlannedStatus.New);
            case PartitionState.Incomplete:
                return Plan(PlannedStatus.Incomplete);
        }

        Manifest manifest;
        try
        {
            manifest = await store.ReadManifestAsync(partition, cancellationToken).ConfigureAwait(false)
                ?? throw new BronzeException(BronzeErrorKind.IntegrityMismatch, "the manifest vanished while it was read");
        }
        catch (BronzeException e) when (e.Kind is BronzeErrorKind.IntegrityMismatch or BronzeErrorKind.NotFound)
        {
            return Plan(PlannedStatus.Conflict, detail: e.Message);
        }

        string? problem = Mismatch(partition, manifest, status);
        return problem is null ? Plan(PlannedStatus.Complete, manifest) : Plan(PlannedStatus.Conflict, manifest, problem);
    }

    private static string? Mismatch(PartitionRef partition, Manifest manifest, PartitionStatus status)
    {
        ManifestPartition p = manifest.Partition;
        if (p != ManifestPartition.Of(partition))
            return $"the manifest describes another partition ({p.Network}/{p.EraId}/{p.Version} {p.Start}-{p.End})";
        if (!manifest.Tables.TryGetValue(partition.Table, out ManifestTableEntry? entry))
            return $"the manifest has no entry for table {partition.Table}";
        if (entry.File != partition.DataFileName) return $"the manifest names file {entry.File}, not {partition.DataFileName}";
        if (status.Data is null) return $"the manifest exists but the data file {partition.DataFileName} does not";
        if (status.Data.Size != entry.ByteSize)
            return $"the data file has {status.Data.Size} bytes, the manifest says {entry.ByteSize}";
        return null;
    }
}
