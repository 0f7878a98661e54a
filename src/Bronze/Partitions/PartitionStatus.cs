using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>What the store holds of one partition, as <see cref="PartitionStore.GetStatusAsync"/> read it.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="State">Its state.</param>
/// <param name="Data">The data file, or <see langword="null"/> when it does not exist or could not be read.</param>
/// <param name="Manifest">The manifest, or <see langword="null"/> when it does not exist or could not be read.</param>
/// <param name="Reason">Why it is a <see cref="PartitionState.Conflict"/>; otherwise <see langword="null"/>.</param>
public sealed record PartitionStatus(PartitionRef Partition, PartitionState State, ObjectInfo? Data, Manifest? Manifest, string? Reason = null);
