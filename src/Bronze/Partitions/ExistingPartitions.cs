using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>
/// The partitions a table already has in the store, from one scan of its folder: a copy with another partition size
/// must not write partitions that overlap them, and a partition folder that is a file must be a conflict before the
/// copy tries to write below it. Memory grows with what the store holds, never with the range asked for.
/// </summary>
internal sealed class ExistingPartitions
{
    private readonly (long Start, long End)[] _ranges;
    private readonly Dictionary<(long Start, long End), ObjectKind> _folderIsObject;
    private readonly long _longestSpan;

    private ExistingPartitions((long Start, long End)[] ranges, Dictionary<(long Start, long End), ObjectKind> folderIsObject)
    {
        _ranges = ranges;
        _folderIsObject = folderIsObject;
        _longestSpan = ranges.Length == 0 ? 0 : ranges.Max(r => r.End - r.Start);
    }

    public static async Task<ExistingPartitions> LoadAsync(PartitionStore store, DatasetRef dataset, CancellationToken cancellationToken)
    {
        var ranges = new List<(long Start, long End)>();
        var folderIsObject = new Dictionary<(long Start, long End), ObjectKind>();
        await foreach (PartitionObjects objects in store.ScanAsync(dataset, null, cancellationToken).ConfigureAwait(false))
        {
            PartitionRef partition = objects.Partition;
            ranges.Add((partition.Start, partition.End));
            if (objects.Folder is { } folder) folderIsObject[(partition.Start, partition.End)] = folder.Kind;
        }

        return new ExistingPartitions([.. ranges], folderIsObject);
    }

    /// <summary>Why <paramref name="partition"/> cannot be written whatever its own objects hold; otherwise <see langword="null"/>.</summary>
    public string? Obstacle(PartitionRef partition)
    {
        if (_folderIsObject.TryGetValue((partition.Start, partition.End), out ObjectKind kind))
        {
            string what = kind switch
            {
                ObjectKind.Object => "a file",
                ObjectKind.SymbolicLink => "a symbolic link (never followed)",
                ObjectKind.SpecialFile => "a FIFO, socket or device",
                _ => "an unreadable folder",
            };
            return $"range={partition.Start}-{partition.End} is {what}, not a partition folder; nothing is written under it";
        }

        // The ranges are sorted by start: an overlapping one starts at or before this partition's end, and no earlier
        // than the longest range's span before this partition's start.
        int index = Array.BinarySearch(_ranges, (partition.End, long.MaxValue));
        (long Start, long End)? earliest = null;
        for (int i = (index < 0 ? ~index : index + 1) - 1; i >= 0 && _ranges[i].Start >= partition.Start - _longestSpan; i--)
        {
            if (_ranges[i].End >= partition.Start && _ranges[i] != (partition.Start, partition.End)) earliest = _ranges[i];
        }

        if (earliest is { } other)
        {
            return $"partition {other.Start}-{other.End} already exists and overlaps this one; partitions of a table never overlap "
                + "(was the table written with another partition size?)";
        }

        return null;
    }
}
