using System.Collections;
using Bronze.Layout;

namespace Bronze.Copier;

/// <summary>
/// A shard's partitions of a range, k = Index, Index + Count, ...: computed when asked for, so a shard of a
/// 100-million-partition range costs no more memory than the range itself.
/// </summary>
internal sealed class ShardPartitions(IReadOnlyList<PartitionRef> range, Shard shard) : IReadOnlyList<PartitionRef>
{
    public int Count => range.Count <= shard.Index ? 0 : ((range.Count - shard.Index - 1) / shard.Count) + 1;

    public PartitionRef this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return range[shard.Index + (index * shard.Count)];
        }
    }

    public IEnumerator<PartitionRef> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
