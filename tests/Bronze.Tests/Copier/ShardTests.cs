using Bronze.Copier;
using Bronze.Layout;

namespace Bronze.Tests.Copier;

/// <summary>A shard's rule (k mod N) and its partition list at the edges: more shards than partitions, first and last.</summary>
public sealed class ShardTests
{
    [Theory]
    [InlineData(3, 4)]
    [InlineData(5, 7)]
    [InlineData(999_999, Shard.MaxCount)]
    public void Partitions_ShardBeyondTheLastPartition_IsEmpty(int index, int count)
    {
        IReadOnlyList<PartitionRef> partitions = ShardOf(index, count, partitionsInRange: 3);

        Assert.Empty(partitions);
        Assert.Throws<ArgumentOutOfRangeException>(() => partitions[0]);
    }

    [Fact]
    public void Partitions_LastShardThatStillHasOne_GetsTheLastPartition()
    {
        IReadOnlyList<PartitionRef> partitions = ShardOf(2, 4, partitionsInRange: 3);

        PartitionRef only = Assert.Single(partitions);
        Assert.Equal((20L, 29L), (only.Start, only.End));
        Assert.Equal(only, partitions[0]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Partitions_IndexOutsideTheShardsList_Throws(int index)
    {
        IReadOnlyList<PartitionRef> partitions = ShardOf(1, 3, partitionsInRange: 12); // k = 1, 4, 7, 10

        Assert.Equal(4, partitions.Count);
        Assert.Equal([10L, 40L, 70L, 100L], partitions.Select(p => p.Start));
        Assert.Equal((100L, 109L), (partitions[3].Start, partitions[3].End));
        Assert.Throws<ArgumentOutOfRangeException>(() => partitions[index]);
        Assert.Equal(partitions.Select(p => p.Start), ((System.Collections.IEnumerable)partitions).Cast<PartitionRef>().Select(p => p.Start));
    }

    [Fact]
    public void Owns_NegativePositions_NeverAndTheRestModN()
    {
        var first = new Shard(0, 3);
        var second = new Shard(1, 2);

        Assert.False(first.Owns(-3));
        Assert.False(Shard.All.Owns(-1));
        Assert.False(second.Owns(-1));
        Assert.Equal([0L, 3L, 6L], Enumerable.Range(0, 8).Select(k => (long)k).Where(first.Owns));
        Assert.Equal([1L, 3L, 5L, 7L], Enumerable.Range(0, 8).Select(k => (long)k).Where(second.Owns));
        Assert.True(Shard.All.Owns(0));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(Shard.MaxCount - 1, Shard.MaxCount)]
    public void Constructor_EdgesOfTheRule_AreAccepted(int index, int count)
    {
        var shard = new Shard(index, count);

        Assert.Equal((index, count), (shard.Index, shard.Count));
        Assert.Equal($"{index}/{count}", shard.ToString());
    }

    [Theory]
    [InlineData(0, 0, "have a count N from 1 to 1000000 in I/N (got \"0/0\")")]
    [InlineData(0, Shard.MaxCount + 1, "have a count N from 1 to 1000000")]
    [InlineData(-1, 4, "have an index I from 0 to N-1 in I/N (got \"-1/4\")")]
    [InlineData(4, 4, "have an index I from 0 to N-1")]
    public void Constructor_OutsideTheRule_SaysWhich(int index, int count, string rule)
    {
        var error = Assert.Throws<BronzeException>(() => new Shard(index, count));

        Assert.Contains("shard must " + rule, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<PartitionRef> ShardOf(int index, int count, int partitionsInRange)
    {
        using var fixture = new CopierFixture();
        return fixture.Copier(CopierFixture.Options(0, (partitionsInRange * 10) - 1, 10) with { Shard = new Shard(index, count) }).Partitions;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Indexer_OutsideTheShare_ThrowsEvenOverAListThatChecksNothing(int index)
    {
        var partitions = new ShardPartitions(new UncheckedRange(12), new Shard(1, 3)); // k = 1, 4, 7, 10

        Assert.Equal(CopierFixture.Ledgers.Partition(100, 109), partitions[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => partitions[index]);
    }

    /// <summary>A range of <paramref name="count"/> partitions of 10 ledgers that answers any index, even outside it.</summary>
    private sealed class UncheckedRange(int count) : IReadOnlyList<PartitionRef>
    {
        public int Count => count;

        public PartitionRef this[int index] => CopierFixture.Ledgers.Partition(Math.Abs(index) * 10L, (Math.Abs(index) * 10L) + 9);

        public IEnumerator<PartitionRef> GetEnumerator() => Enumerable.Range(0, count).Select(k => this[k]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
