using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>A partition's state with what the store reported of its two objects.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="State">Its state.</param>
/// <param name="Data">The data file, or <see langword="null"/> when it does not exist.</param>
/// <param name="Manifest">The manifest object, or <see langword="null"/> when it does not exist.</param>
public sealed record PartitionStatus(PartitionRef Partition, PartitionState State, ObjectInfo? Data, ObjectInfo? Manifest);
