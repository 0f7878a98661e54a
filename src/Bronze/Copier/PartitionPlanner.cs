using Bronze.Errors;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;

namespace Bronze.Copier;

/// <summary>Reads a partition's status from the store alone, as a copy or a dry-run sees it. Reads only; writes nothing.</summary>
public static class PartitionPlanner
{
    /// <summary>
    /// The partition's status: <see cref="PlannedStatus.New"/> when nothing of it exists,
    /// <see cref="PlannedStatus.Incomplete"/> with only a data file, <see cref="PlannedStatus.Complete"/> when its
    /// manifest is readable, describes it and matches the data file's size, otherwise <see cref="PlannedStatus.Conflict"/>
    /// (also when the store refuses to read what is there: a symbolic link, a FIFO, an oversized manifest).
    /// Two requests: the manifest is read (not stat-ed first) and the data file stat-ed.
    /// </summary>
    /// <param name="store">The partition store.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    public static Task<PartitionPlan> PlanAsync(PartitionStore store, PartitionRef partition, CancellationToken cancellationToken = default) =>
        PlanAsync(store, partition, null, cancellationToken);

    /// <summary>As the public overload, and also a conflict when the partition is not what a run would write.</summary>
    internal static async Task<PartitionPlan> PlanAsync(
        PartitionStore store, PartitionRef partition, PlanExpectations? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(partition);
        string prefix = store.Prefix;
        PartitionPlan Plan(PlannedStatus planned, Manifest? manifest = null, string? detail = null, long? dataSize = null) => new(
            partition, planned, partition.DirectoryKey(prefix), partition.DataKey(prefix), partition.ManifestKey(prefix), manifest, detail)
        {
            DataSize = dataSize,
        };

        if (expected?.Existing.Obstacle(partition) is { } obstacle) return Plan(PlannedStatus.Conflict, detail: obstacle);
        Manifest? manifest;
        ObjectInfo? data;
        try
        {
            manifest = await store.ReadManifestAsync(partition, cancellationToken).ConfigureAwait(false);
            data = await store.Store.StatAsync(partition.DataKey(prefix), cancellationToken).ConfigureAwait(false);
        }
        catch (BronzeException e) when (e.Kind is BronzeErrorKind.IntegrityMismatch or BronzeErrorKind.Conflict)
        {
            return Plan(PlannedStatus.Conflict, detail: e.Message);
        }

        if (manifest is null) return Plan(data is null ? PlannedStatus.New : PlannedStatus.Incomplete, dataSize: data?.Size);
        string? problem = Mismatch(partition, manifest, data, expected);
        return Plan(problem is null ? PlannedStatus.Complete : PlannedStatus.Conflict, manifest, problem, data?.Size);
    }

    private static string? Mismatch(PartitionRef partition, Manifest manifest, ObjectInfo? data, PlanExpectations? expected)
    {
        ManifestPartition p = manifest.Partition;
        if (p != ManifestPartition.Of(partition))
            return $"the manifest describes another partition ({p.Network}/{p.EraId}/{p.Version} {p.Start}-{p.End})";
        if (!manifest.Tables.TryGetValue(partition.Table, out ManifestTableEntry? entry))
            return $"the manifest has no entry for table {partition.Table}";
        if (entry.File != partition.DataFileName) return $"the manifest names file {entry.File}, not {partition.DataFileName}";
        if (data is null) return $"the manifest exists but the data file {partition.DataFileName} does not";
        if (data.Size != entry.ByteSize)
            return $"the data file has {data.Size} bytes, the manifest says {entry.ByteSize}";
        if (entry.FirstLedger < partition.Start || entry.LastLedger > partition.End)
            return $"the manifest says ledgers {entry.FirstLedger}-{entry.LastLedger}, outside the partition";
        if (expected is null) return null;
        if (entry.Codec != expected.Codec)
            return $"the partition was written with codec {entry.Codec ?? "(unknown)"}, this run uses {expected.Codec}";
        long rows = expected.ExpectedRows(partition);
        if (entry.RowCount != rows) return $"the manifest says {entry.RowCount} rows, this run's source has {rows}";
        return null;
    }
}
