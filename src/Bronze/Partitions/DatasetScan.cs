using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>
/// One listing of a table's folder, sorted into the layout: each partition's data file, manifest and folder entry, and
/// every other entry (a stray). The listing is streamed: memory holds one small record per partition the store has,
/// never the keys, and never a range's partitions that do not exist.
/// </summary>
internal static class DatasetScan
{
    /// <summary>
    /// Lists <paramref name="dataset"/>'s folder. Strays go to <paramref name="stray"/> as they are listed, in ordinal key
    /// order: keys outside the layout, the folder's own key when it is listed (a file or link in its place), and data
    /// files or manifests that are not regular objects. Partitions come after the listing, in start order: one for each
    /// range any key names, even when only strays were found under it.
    /// </summary>
    public static async IAsyncEnumerable<PartitionObjects> ScanAsync(
        IObjectStore store, string prefix, DatasetRef dataset, Action<ObjectInfo>? stray,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<(long Start, long End), PartitionObjects>();
        await foreach (ObjectInfo info in store.ListAsync(dataset.Key(prefix) + "/", cancellationToken).ConfigureAwait(false))
        {
            // Every key under the table's folder that parses names this table: the folder is the table's key.
            if (!PartitionRef.TryParse(info.Key, prefix, out PartitionRef? partition))
            {
                stray?.Invoke(info);
                continue;
            }

            if (!found.TryGetValue((partition.Start, partition.End), out PartitionObjects? objects))
                found.Add((partition.Start, partition.End), objects = new PartitionObjects(partition));
            if (!Place(objects, info, prefix)) stray?.Invoke(info);
        }

        foreach (PartitionObjects objects in found.Values) yield return objects;
    }

    // Records the entry in its partition; false when it is a stray all the same.
    private static bool Place(PartitionObjects objects, ObjectInfo info, string prefix)
    {
        PartitionRef partition = objects.Partition;
        if (info.Key == partition.DirectoryKey(prefix))
        {
            objects.Folder = info;
            return false;
        }

        if (info.Kind != ObjectKind.Object) return false;
        if (info.Key == partition.DataKey(prefix)) objects.Data = info;
        else objects.Manifest = info;
        return true;
    }
}
