using System.Collections;

namespace Bronze.Layout;

/// <summary>The partitions of an aligned range, computed when asked for: O(1) memory however long the range.</summary>
internal sealed class AlignedPartitions(DatasetRef dataset, long start, long partitionSize, int count) : IReadOnlyList<PartitionRef>
{
    public int Count => count;

    public PartitionRef this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            long first = start + index * partitionSize;
            return dataset.Partition(first, first + (partitionSize - 1));
        }
    }

    public IEnumerator<PartitionRef> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
