using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>What one listing of a table's folder found of one partition.</summary>
internal sealed class PartitionObjects(PartitionRef partition)
{
    public PartitionRef Partition { get; } = partition;

    /// <summary>The data file, when listed as a regular object.</summary>
    public ObjectInfo? Data { get; set; }

    /// <summary>The manifest, when listed as a regular object.</summary>
    public ObjectInfo? Manifest { get; set; }

    /// <summary>
    /// The entry listed at the partition folder's own key: a file, link or special file where the folder should be
    /// (an object store never lists a folder itself); otherwise <see langword="null"/>.
    /// </summary>
    public ObjectInfo? Folder { get; set; }

    /// <summary>Whether the listing found the data file or the manifest as a regular object.</summary>
    public bool HasObjects => Data is not null || Manifest is not null;
}
