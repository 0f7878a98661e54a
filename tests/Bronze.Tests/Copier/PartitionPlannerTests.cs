using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Tests.Partitions;

namespace Bronze.Tests.Copier;

/// <summary>A partition's plan in a copy: its status in the store, judged against what this run would write.</summary>
public sealed class PartitionPlannerTests() : LocalPartitionsTests("lake")
{
    private const string Folder = "lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19";
    private static readonly PartitionRef Partition = Ledgers.Partition(10, 19);
    private static readonly byte[] Data = TestBytes.Create(64, seed: 4);

    [Fact]
    public async Task PlanAsync_NothingStored_IsNewWithBothKeysToWrite()
    {
        PartitionPlan plan = await PlanAsync(Partitions);

        Assert.Equal(new PartitionPlan(Partition, PartitionState.Absent, Folder, $"{Folder}/part-10-19.parquet", $"{Folder}/_manifest.json"), plan);
        Assert.Equal([plan.DataKey, plan.ManifestKey], plan.KeysToWrite);
        Assert.Equal("new", plan.StatusName);
    }

    [Fact]
    public async Task PlanAsync_DataFileOnly_IsIncompleteWithTheManifestToWrite()
    {
        await Partitions.WriteDataAsync(Partition, new MemoryStream(Data), Ct);

        PartitionPlan plan = await PlanAsync(Partitions);

        Assert.Equal((PartitionState.Incomplete, 64L, "incomplete"), (plan.Status, plan.DataSize, plan.StatusName));
        Assert.Equal([plan.ManifestKey], plan.KeysToWrite);
    }

    [Fact]
    public async Task PlanAsync_CommittedByThisRunsCodecAndRows_IsCompleteWithNothingToWrite()
    {
        await CommitAsync("zstd");

        PartitionPlan plan = await PlanAsync(Partitions);

        Assert.Equal((PartitionState.Complete, null, 64L, "complete"), (plan.Status, plan.Detail, plan.DataSize, plan.StatusName));
        Assert.Equal(10, plan.Manifest?.Tables["ledgers_lcm_raw"].RowCount);
        Assert.Empty(plan.KeysToWrite);
    }

    [Theory]
    [InlineData("snappy", "the partition was written with codec snappy, this run uses zstd")]
    [InlineData(null, "the partition was written with codec (unknown), this run uses zstd")]
    public async Task PlanAsync_CommittedWithAnotherCodec_IsAConflict(string? codec, string detail)
    {
        await CommitAsync(codec);

        PartitionPlan plan = await PlanAsync(Partitions);

        Assert.Equal((PartitionState.Conflict, detail, "conflict"), (plan.Status, plan.Detail, plan.StatusName));
        Assert.NotNull(plan.Manifest);
        Assert.Empty(plan.KeysToWrite);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public async Task PlanAsync_CommittedWithOtherRows_IsAConflict(long rows)
    {
        await CommitAsync("zstd");

        PartitionPlan plan = await PlanAsync(Partitions, rows);

        Assert.Equal((PartitionState.Conflict, $"the manifest says 10 rows, this run's source has {rows}"), (plan.Status, plan.Detail));
    }

    [Fact]
    public async Task PlanAsync_ConflictInTheStore_KeepsTheStoresReason()
    {
        await Partitions.WriteManifestAsync(Partition, Manifest("snappy"), Ct);

        PartitionPlan plan = await PlanAsync(Partitions);

        Assert.Equal((PartitionState.Conflict, "the manifest exists but the data file part-10-19.parquet does not"), (plan.Status, plan.Detail));
    }

    [Fact]
    public async Task PlanAsync_FileWhereTheFolderIs_IsAConflictWithoutAskingForThePartition()
    {
        var store = new ListedStore(new ObjectInfo(Folder, 1));

        PartitionPlan plan = await PlanAsync(new PartitionStore(store, "lake"));

        Assert.Equal((PartitionState.Conflict, "range=10-19 is a file, not a partition folder; nothing is written under it"), (plan.Status, plan.Detail));
        Assert.Equal((null, null), (plan.Manifest, plan.DataSize));
        Assert.Equal(0, store.Requests);
    }

    private static async Task<PartitionPlan> PlanAsync(PartitionStore store, long rows = 10)
    {
        var expected = new PlanExpectations(await ExistingPartitions.LoadAsync(store, Ledgers, Ct), "zstd", p => p == Partition ? rows : throw new InvalidOperationException());
        return await PartitionPlanner.PlanAsync(store, Partition, expected, Ct);
    }

    private static Manifest Manifest(string? codec) =>
        ManifestGenerator.Create(Partition, new DataFileFacts(Data.Length, TestBytes.Sha256(Data), 10, codec, 10, 19));

    private async Task CommitAsync(string? codec)
    {
        await Partitions.WriteDataAsync(Partition, new MemoryStream(Data), Ct);
        await Partitions.WriteManifestAsync(Partition, Manifest(codec), Ct);
    }
}
