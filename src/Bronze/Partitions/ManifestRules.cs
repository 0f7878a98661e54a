using Bronze.Layout;
using Bronze.Manifests;

namespace Bronze.Partitions;

/// <summary>
/// What a manifest must say to commit the partition at its path, and what the data file must be to match it: written
/// once, for the copier's plan, <c>ls</c> and verification. Each rule returns why it fails, or <see langword="null"/>.
/// </summary>
internal static class ManifestRules
{
    /// <summary>
    /// Why <paramref name="manifest"/> cannot be the manifest at <paramref name="partition"/>'s path: it describes another
    /// partition, has no entry for the table, or names another data file. On success, the table's entry.
    /// </summary>
    public static string? PathMismatch(PartitionRef partition, Manifest manifest, out ManifestTableEntry? entry)
    {
        entry = null;
        ManifestPartition p = manifest.Partition;
        if (p != ManifestPartition.Of(partition))
        {
            return $"the manifest describes another partition ({p.Network}/{p.EraId}/{p.Version} {p.Start}-{p.End}) than its path "
                + $"({partition.Network}/{partition.EraId}/{partition.VersionLabel} {partition.Start}-{partition.End})";
        }

        if (!manifest.Tables.TryGetValue(partition.Table, out ManifestTableEntry? found)) return $"the manifest has no entry for table {partition.Table}";
        if (found.File != partition.DataFileName) return $"the manifest names file {found.File}, not {partition.DataFileName}";
        entry = found;
        return null;
    }

    /// <summary>Why a committed partition's data file does not match its manifest's entry, from the store's size alone.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="entry">The manifest's entry for the partition's table.</param>
    /// <param name="dataSize">The data file's size, or <see langword="null"/> when it does not exist.</param>
    public static string? DataMismatch(PartitionRef partition, ManifestTableEntry entry, long? dataSize)
    {
        if (dataSize is not { } size) return MissingData(partition);
        if (SizeMismatch(size, entry) is { } sizes) return sizes;
        if (entry.FirstLedger < partition.Start || entry.LastLedger > partition.End)
            return $"the manifest says ledgers {entry.FirstLedger}-{entry.LastLedger}, outside the partition {partition.Start}-{partition.End}";
        return null;
    }

    /// <summary>The manifest exists but the data file does not.</summary>
    public static string MissingData(PartitionRef partition) => $"the manifest exists but the data file {partition.DataFileName} does not";

    /// <summary>Why a data file of <paramref name="size"/> bytes is not the one <paramref name="entry"/> describes.</summary>
    public static string? SizeMismatch(long size, ManifestTableEntry entry) =>
        size == entry.ByteSize ? null : $"the data file has {size} bytes, the manifest says {entry.ByteSize}";
}
