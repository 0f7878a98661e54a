using Bronze.Layout;

namespace Bronze.Tests.Layout;

public sealed class PartitionRefTests
{
    private static readonly DatasetRef Ledgers = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    [Fact]
    public void DataKey_WithPrefix_FollowsTheLayout()
    {
        PartitionRef partition = Ledgers.Partition(0, 9999);

        Assert.Equal("bronze/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9999/part-0-9999.parquet", partition.DataKey("bronze"));
        Assert.Equal("bronze/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9999/_manifest.json", partition.ManifestKey("bronze"));
        Assert.Equal("bronze/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9999", partition.DirectoryKey("bronze"));
    }

    [Fact]
    public void DataKey_WithoutPrefix_StartsAtTheRoot()
    {
        PartitionRef partition = Ledgers.Partition(10000, 19999);

        Assert.Equal("pubnet/pre_p23/v1/ledgers_lcm_raw/range=10000-19999/part-10000-19999.parquet", partition.DataKey());
        Assert.Equal("lake/raw/pubnet/pre_p23/v1/ledgers_lcm_raw/range=10000-19999/_manifest.json", partition.ManifestKey("lake/raw"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bronze")]
    [InlineData("lake/raw")]
    public void Parse_KeysItBuilt_RoundTrips(string prefix)
    {
        PartitionRef partition = new("testnet", "p23", "v2.1", "ledgers_lcm_raw", 120000, 129999);

        Assert.Equal(partition, PartitionRef.Parse(partition.DataKey(prefix), prefix));
        Assert.Equal(partition, PartitionRef.Parse(partition.ManifestKey(prefix), prefix));
        Assert.Equal(partition, PartitionRef.Parse(partition.DirectoryKey(prefix), prefix));
    }

    [Theory]
    [InlineData("pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9999/part-0-9998.parquet")]
    [InlineData("pubnet/pre_p23/v1/ledgers_lcm_raw/range=00-9999")]
    [InlineData("pubnet/pre_p23/v1/ledgers_lcm_raw/range=9999-0")]
    [InlineData("pubnet/pre_p23/v1/ledgers_lcm_raw/rng=0-9999")]
    [InlineData("pubnet/../v1/ledgers_lcm_raw/range=0-9999")]
    [InlineData("pubnet/pre_p23/v1/range=0-9999")]
    [InlineData("other/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9999")]
    public void Parse_KeyOutsideTheLayout_IsRejected(string key)
    {
        Assert.False(PartitionRef.TryParse(key, "", out _));
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Parse(key));
        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("key", error.Field);
    }

    [Theory]
    [InlineData("", "network", "not be empty")]
    [InlineData("PubNet", "network", "be lower case")]
    [InlineData("pub/net", "network", "path separators")]
    [InlineData("pub\\net", "network", "path separators")]
    [InlineData("..", "network", "not start with '.'")]
    [InlineData(".hidden", "network", "not start with '.'")]
    [InlineData("pub\u0001net", "network", "control characters")]
    [InlineData("pub net", "network", "only lower-case letters")]
    public void Constructor_BadNetwork_NamesFieldAndRule(string network, string field, string rule)
    {
        var error = Assert.Throws<BronzeException>(() => new PartitionRef(network, "pre_p23", "v1", "ledgers_lcm_raw", 0, 9));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverLongSegment_IsRejected()
    {
        string longName = new('a', NameSegment.MaxLength + 1);

        var error = Assert.Throws<BronzeException>(() => new PartitionRef("pubnet", longName, "v1", "t", 0, 9));

        Assert.Equal("era_id", error.Field);
        Assert.Contains("at most 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, new PartitionRef("pubnet", longName[..64], "v1", "t", 0, 9).EraId.Length);
    }

    [Theory]
    [InlineData("version_label")]
    [InlineData("table")]
    public void Constructor_EachNameField_IsValidated(string field)
    {
        var error = Assert.Throws<BronzeException>(() => field == "table"
            ? new DatasetRef("pubnet", "e", "v1", "BAD")
            : new DatasetRef("pubnet", "e", "V1", "t"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Constructor_StartAfterEnd_IsRejected()
    {
        var error = Assert.Throws<BronzeException>(() => Ledgers.Partition(10, 9));

        Assert.Equal("end", error.Field);
    }

    [Theory]
    [InlineData("/bronze")]
    [InlineData("bronze/")]
    [InlineData("a//b")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("a\\b")]
    public void DataKey_PrefixThatCouldEscapeOrIsMalformed_IsRejected(string prefix)
    {
        var error = Assert.Throws<BronzeException>(() => Ledgers.Partition(0, 9).DataKey(prefix));

        Assert.Equal("prefix", error.Field);
    }

    [Fact]
    public void Cover_AlignedRange_GivesAdjacentAlignedPartitions()
    {
        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 0, 29999, 10000);

        Assert.Equal([(0L, 9999L), (10000L, 19999L), (20000L, 29999L)], partitions.Select(p => (p.Start, p.End)));
    }

    [Fact]
    public void Cover_SinglePartitionOfSizeOne_Works()
    {
        Assert.Equal([(7L, 7L), (8L, 8L)], PartitionRef.Cover(Ledgers, 7, 8, 1).Select(p => (p.Start, p.End)));
    }

    [Fact]
    public void Cover_HundredMillionPartitions_AllocatesAlmostNothing()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 0, 99_999_999, 1);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4096);
        Assert.Equal(100_000_000, partitions.Count);
        Assert.Equal((99_999_999L, 99_999_999L), (partitions[^1].Start, partitions[^1].End));
    }

    [Fact]
    public void Cover_EndAtLongMaxValue_GivesTheLastPartitionWithoutOverflow()
    {
        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 0, long.MaxValue, 1L << 62);

        Assert.Equal([(0L, (1L << 62) - 1), (1L << 62, long.MaxValue)], partitions.Select(p => (p.Start, p.End)));
    }

    [Theory]
    [InlineData(0, 9999, 0, "partition_size")]
    [InlineData(0, 9999, -5, "partition_size")]
    [InlineData(5, 9999, 10000, "start")]
    [InlineData(0, 10000, 10000, "end")]
    [InlineData(10000, 9999, 10000, "end")]
    [InlineData(-10000, 9999, 10000, "start")]
    [InlineData(0, long.MaxValue, 1, "partition_size")]
    public void Cover_BadRangeOrSize_NamesTheField(long start, long end, long size, string field)
    {
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Cover(Ledgers, start, end, size));

        Assert.Equal(field, error.Field);
    }
}
