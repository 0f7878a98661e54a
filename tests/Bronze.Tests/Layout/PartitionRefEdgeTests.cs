using Bronze.Layout;

namespace Bronze.Tests.Layout;

/// <summary>PartitionRef's range rules and key parsing at their edges.</summary>
public sealed class PartitionRefEdgeTests
{
    private const string Table = "pubnet/pre_p23/v1/ledgers_lcm_raw";
    private static readonly DatasetRef Ledgers = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(0, long.MaxValue)]
    public void Constructor_SmallestAndLargestRanges_RoundTripThroughTheirKeys(long start, long end)
    {
        PartitionRef partition = Ledgers.Partition(start, end);

        Assert.Equal((start, end), (partition.Start, partition.End));
        Assert.Equal($"part-{start}-{end}.parquet", partition.DataFileName);
        Assert.Equal(partition, PartitionRef.Parse(partition.DataKey("lake"), "lake"));
        Assert.Equal(partition, PartitionRef.Parse(partition.ManifestKey()));
    }

    [Fact]
    public void Constructor_NegativeStart_NamesStart()
    {
        var error = Assert.Throws<BronzeException>(() => Ledgers.Partition(-1, 5));

        Assert.Equal("start", error.Field);
        Assert.Contains("start must be at least 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndBeforeStart_SaysTheStart()
    {
        var error = Assert.Throws<BronzeException>(() => Ledgers.Partition(10, 9));

        Assert.Contains("end must be at least start (10)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xange=0-9")]
    [InlineData("range:0-9")]
    [InlineData("RANGE=0-9")]
    [InlineData("ranges0-9")]
    [InlineData("=range0-9")]
    public void TryParse_AnotherSixCharacterPrefixThanRange_IsRejected(string segment)
    {
        Assert.False(PartitionRef.TryParse($"{Table}/{segment}", "", out PartitionRef? partition));
        Assert.Null(partition);
        Assert.True(PartitionRef.TryParse($"{Table}/range=0-9", "", out partition));
        Assert.Equal(Ledgers.Partition(0, 9), partition);
    }

    [Theory]
    [InlineData("range=")]
    [InlineData("range=0")]
    [InlineData("range=-9")]
    [InlineData("range=0-")]
    [InlineData("range=0-5-9")]
    [InlineData("range=01-9")]
    [InlineData("range=1-09")]
    [InlineData("range=+1-9")]
    [InlineData("range= 1-9")]
    [InlineData("range=1-9 ")]
    [InlineData("range=1-0x9")]
    [InlineData("range=9223372036854775808-9223372036854775809")]
    public void TryParse_RangeThatIsNotTwoCanonicalNumbers_IsRejected(string segment)
    {
        Assert.False(PartitionRef.TryParse($"{Table}/{segment}", "", out PartitionRef? partition));
        Assert.Null(partition);
    }

    [Theory]
    [InlineData("bronze", "bronze2/" + Table + "/range=0-9")]
    [InlineData("bronze", "bronze" + Table + "/range=0-9")]
    [InlineData("bronze", "bronze")]
    [InlineData("a/b", "a/" + Table + "/range=0-9")]
    public void Parse_KeyOutsideThePrefix_SaysSo(string prefix, string key)
    {
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Parse(key, prefix));

        Assert.Contains($"it is not under prefix '{prefix}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Table + "/range=0-9/part-0-9.parquet/x", "wrong number of segments")]
    [InlineData("pubnet/pre_p23/v1/range=0-9", "wrong number of segments")]
    [InlineData("", "wrong number of segments")]
    [InlineData(Table + "/range=0_9", "the fifth segment is not range={start}-{end}")]
    [InlineData(Table + "/range=0-9/part-0-9.json", "the file is neither _manifest.json nor part-0-9.parquet")]
    [InlineData(Table + "/range=0-9/_manifest.parquet", "the file is neither _manifest.json nor part-0-9.parquet")]
    [InlineData("PubNet/pre_p23/v1/ledgers_lcm_raw/range=0-9", "(network must be lower case (got \"PubNet\")) ")]
    [InlineData(Table + "/range=9-0", "(end must be at least start (9) (got \"0\")) ")]
    public void Parse_KeyOutsideTheLayout_GivesTheReason(string key, string reason)
    {
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Parse(key));

        Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (error.Kind, error.Field));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("follow the layout {prefix}/{network}/{era_id}/{version_label}/{table}/range={start}-{end}[/file]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Table + "/range=0-9/part-0-9.json")]
    [InlineData(Table + "/range=0-9/part-0-8.parquet")]
    [InlineData("PubNet/pre_p23/v1/ledgers_lcm_raw/range=0-9")]
    public void TryParse_KeyRejectedAfterItsRange_GivesNoPartition(string key)
    {
        Assert.False(PartitionRef.TryParse(key, "", out PartitionRef? partition));
        Assert.Null(partition);
    }

    [Fact]
    public void Parse_NullKeyOrBadPrefix_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PartitionRef.Parse(null!));
        Assert.Equal("prefix", Assert.Throws<BronzeException>(() => PartitionRef.Parse(Table + "/range=0-9", "/x")).Field);
    }

    [Fact]
    public void Cover_OnePartitionOfOneLedger_GivesIt()
    {
        Assert.Equal([(7L, 7L)], PartitionRef.Cover(Ledgers, 7, 7, 1).Select(p => (p.Start, p.End)));
        Assert.Equal([(0L, 0L)], PartitionRef.Cover(Ledgers, 0, 0, 1).Select(p => (p.Start, p.End)));
    }

    [Fact]
    public void Cover_RangeNotStartingAtZero_IndexesFromItsStart()
    {
        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 20000, 49999, 10000);

        Assert.Equal(3, partitions.Count);
        Assert.Equal((20000L, 29999L), (partitions[0].Start, partitions[0].End));
        Assert.Equal((30000L, 39999L), (partitions[1].Start, partitions[1].End));
        Assert.Equal((40000L, 49999L), (partitions[2].Start, partitions[2].End));
        Assert.Equal(partitions.Select(p => p.Start), ((System.Collections.IEnumerable)partitions).Cast<PartitionRef>().Select(p => p.Start));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MinValue)]
    public void Cover_IndexOutsideTheList_Throws(int index)
    {
        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 0, 29, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => partitions[index]);
    }

    [Fact]
    public void Cover_ExactlyIntMaxValuePartitions_IsAllowedAndOneMoreIsNot()
    {
        IReadOnlyList<PartitionRef> most = PartitionRef.Cover(Ledgers, 0, int.MaxValue - 1L, 1);
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Cover(Ledgers, 0, int.MaxValue, 1));

        Assert.Equal(int.MaxValue, most.Count);
        Assert.Equal((int.MaxValue - 1L, int.MaxValue - 1L), (most[^1].Start, most[^1].End));
        Assert.Equal((0L, 0L), (most[0].Start, most[0].End));
        Assert.Equal("partition_size", error.Field);
        Assert.Contains($"leave at most {int.MaxValue} partitions in the range 0-{int.MaxValue}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cover_HugePartitionsUpToLongMaxValue_ComputesTheLastWithoutOverflow()
    {
        IReadOnlyList<PartitionRef> partitions = PartitionRef.Cover(Ledgers, 1L << 40, long.MaxValue, 1L << 40);

        Assert.Equal((1 << 23) - 1, partitions.Count);
        Assert.Equal(((1L << 40) * 2, ((1L << 40) * 3) - 1), (partitions[1].Start, partitions[1].End));
        Assert.Equal((long.MaxValue - (1L << 40) + 1, long.MaxValue), (partitions[^1].Start, partitions[^1].End));
    }

    [Theory]
    [InlineData(0, 9999, 0, "partition_size must be at least 1")]
    [InlineData(-10000, 9999, 10000, "start must be at least 0")]
    [InlineData(10000, 9999, 10000, "end must be at least start (10000)")]
    [InlineData(5, 9999, 10000, "start must be a multiple of the partition size 10000")]
    [InlineData(0, 10000, 10000, "end must be one less than a multiple of the partition size 10000")]
    [InlineData(0, 9998, 10000, "end must be one less than a multiple of the partition size 10000")]
    public void Cover_BadRangeOrSize_SaysTheRule(long start, long end, long size, string rule)
    {
        var error = Assert.Throws<BronzeException>(() => PartitionRef.Cover(Ledgers, start, end, size));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cover_NullDataset_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PartitionRef.Cover(null!, 0, 9, 10));
    }
}
