using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Storage;

namespace Bronze.Tests.Partitions;

/// <summary>What stops a partition from being written whatever its own objects hold (<see cref="ExistingPartitions"/>).</summary>
public sealed class ExistingPartitionsTests
{
    private const string Table = "pubnet/pre_p23/v1/ledgers_lcm_raw";
    private static readonly DatasetRef Ledgers = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ObjectKind.Object, "a file")]
    [InlineData(ObjectKind.SymbolicLink, "a symbolic link (never followed)")]
    [InlineData(ObjectKind.SpecialFile, "a FIFO, socket or device")]
    [InlineData(ObjectKind.UnreadableFolder, "an unreadable folder")]
    public async Task Obstacle_EntryWhereTheFolderIs_NamesWhatItIs(ObjectKind kind, string what)
    {
        ExistingPartitions existing = await LoadAsync(new ObjectInfo($"{Table}/range=0-9", 0, kind));

        Assert.Equal($"range=0-9 is {what}, not a partition folder; nothing is written under it", existing.Obstacle(Ledgers.Partition(0, 9)));
        Assert.Null(existing.Obstacle(Ledgers.Partition(10, 19)));
    }

    [Theory]
    [InlineData(0, 19, "0-9")] // the earliest of two overlapping partitions is named
    [InlineData(5, 14, "0-9")]
    [InlineData(9, 18, "0-9")] // shares one ledger, at the start of the longest span's reach
    [InlineData(19, 28, "10-19")]
    [InlineData(15, 15, "10-19")]
    public async Task Obstacle_OverlappingAnExistingPartition_NamesIt(long start, long end, string other)
    {
        ExistingPartitions existing = await LoadAsync(Data(0, 9), Data(10, 19), Data(40, 49));

        Assert.Equal(
            $"partition {other} already exists and overlaps this one; partitions of a table never overlap (was the table written with another partition size?)",
            existing.Obstacle(Ledgers.Partition(start, end)));
    }

    [Theory]
    [InlineData(0, 9)] // itself
    [InlineData(20, 29)] // adjacent on both sides
    [InlineData(20, 39)]
    [InlineData(50, 59)]
    public async Task Obstacle_NoOverlap_IsNull(long start, long end)
    {
        ExistingPartitions existing = await LoadAsync(Data(0, 9), Data(10, 19), Data(40, 49));

        Assert.Null(existing.Obstacle(Ledgers.Partition(start, end)));
    }

    [Fact]
    public async Task Obstacle_LongPartitionStartingFarBefore_IsFound()
    {
        ExistingPartitions existing = await LoadAsync(Data(0, 99), Data(100, 109));

        Assert.Contains("partition 0-99 already exists", existing.Obstacle(Ledgers.Partition(90, 99)), StringComparison.Ordinal);
        Assert.Contains("partition 0-99 already exists", existing.Obstacle(Ledgers.Partition(50, 59)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Obstacle_PartitionStartingAtTheEnd_IsFound()
    {
        ExistingPartitions existing = await LoadAsync(Data(9, long.MaxValue));

        Assert.Contains($"partition 9-{long.MaxValue} already exists", existing.Obstacle(Ledgers.Partition(0, 9)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Obstacle_EmptyTable_IsNull()
    {
        ExistingPartitions existing = await LoadAsync();

        Assert.Null(existing.Obstacle(Ledgers.Partition(0, 9)));
    }

    private static ObjectInfo Data(long start, long end) => new($"{Table}/range={start}-{end}/part-{start}-{end}.parquet", 1);

    private static Task<ExistingPartitions> LoadAsync(params ObjectInfo[] entries) =>
        ExistingPartitions.LoadAsync(new PartitionStore(new ListedStore(entries)), Ledgers, Ct);
}
