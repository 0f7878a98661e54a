using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Verification;

/// <summary>The objects a listing found for one partition.</summary>
internal sealed class PartitionObjects(PartitionRef partition)
{
    public PartitionRef Partition { get; } = partition;

    public ObjectInfo? Data { get; set; }

    public ObjectInfo? Manifest { get; set; }
}
