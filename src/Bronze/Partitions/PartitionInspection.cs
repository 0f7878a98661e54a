using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>Reads what the store holds of one partition and judges it by <see cref="ManifestRules"/>. Reads only.</summary>
internal static class PartitionInspection
{
    /// <summary>
    /// Two requests: the manifest is read (not stat-ed first) and the data file stat-ed. A store that refuses to read
    /// what is there (a symbolic link, a FIFO, an oversized or malformed manifest) makes a conflict, not an exception.
    /// </summary>
    /// <exception cref="BronzeException">The store failed.</exception>
    public static async Task<PartitionStatus> InspectAsync(PartitionStore store, PartitionRef partition, CancellationToken cancellationToken)
    {
        Manifest? manifest;
        ObjectInfo? data;
        try
        {
            manifest = await store.ReadManifestAsync(partition, cancellationToken).ConfigureAwait(false);
            data = await store.Store.StatAsync(partition.DataKey(store.Prefix), cancellationToken).ConfigureAwait(false);
        }
        catch (BronzeException e) when (e.Kind is BronzeErrorKind.IntegrityMismatch or BronzeErrorKind.Conflict)
        {
            return new PartitionStatus(partition, PartitionState.Conflict, null, null, e.Message);
        }

        if (manifest is null) return new PartitionStatus(partition, data is null ? PartitionState.Absent : PartitionState.Incomplete, data, null);
        string? problem = ManifestRules.PathMismatch(partition, manifest, out ManifestTableEntry? entry)
            ?? ManifestRules.DataMismatch(partition, entry!, data?.Size);
        return new PartitionStatus(partition, problem is null ? PartitionState.Complete : PartitionState.Conflict, data, manifest, problem);
    }
}
