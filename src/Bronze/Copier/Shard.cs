using System.Globalization;
using Bronze.Copier;

namespace Bronze;

/// <summary>
/// One task's share of a copy that N tasks run side by side (a Slurm array, a Kubernetes Indexed Job, Cloud Run Jobs,
/// an AWS Batch array): partition k of the range, counted from the range's first partition, belongs to shard
/// k mod <see cref="Count"/>. Consecutive partitions go to different tasks, so old small ledgers and new large ones
/// spread evenly. Aligned partitions and put-if-absent make the union of the tasks exactly-once, whatever retries.
/// </summary>
public sealed record Shard
{
    /// <summary>The largest number of shards allowed.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Creates a shard.</summary>
    /// <param name="index">This task's shard, from 0 to <paramref name="count"/> − 1.</param>
    /// <param name="count">How many shards the range is split into, 1 to <see cref="MaxCount"/>.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming <c>shard</c> and the rule.</exception>
    public Shard(int index, int count)
    {
        string text = $"{index}/{count}";
        if (count is < 1 or > MaxCount) throw BronzeException.Invalid("shard", $"have a count N from 1 to {MaxCount} in I/N", text);
        if (index < 0 || index >= count) throw BronzeException.Invalid("shard", "have an index I from 0 to N-1 in I/N", text);
        Index = index;
        Count = count;
    }

    /// <summary>The whole range: one task copies every partition.</summary>
    public static Shard All { get; } = new(0, 1);

    /// <summary>This task's shard, from 0 to <see cref="Count"/> − 1.</summary>
    public int Index { get; }

    /// <summary>How many shards the range is split into.</summary>
    public int Count { get; }

    /// <summary>Whether partition <paramref name="k"/> of the range (0 for its first partition) is this shard's.</summary>
    /// <param name="k">The partition's position in the range, counted from 0.</param>
    public bool Owns(long k) => k >= 0 && k % Count == Index;

    /// <summary>The shard as <c>I/N</c>, the form <c>bronze copy --shard</c> takes.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
