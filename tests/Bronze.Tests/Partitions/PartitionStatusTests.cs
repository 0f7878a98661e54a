using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>
/// <see cref="PartitionStore.GetStatusAsync"/>: each rule that makes a partition with a manifest a conflict rather than
/// complete, at its boundary, with the reason a dry-run, <c>ls</c> and verification show.
/// </summary>
public sealed class PartitionStatusTests() : LocalPartitionsTests("lake")
{
    private static readonly PartitionRef Partition = Ledgers.Partition(10, 19);
    private static readonly byte[] Data = TestBytes.Create(100, seed: 3);

    [Fact]
    public async Task GetStatusAsync_ManifestMatchingItsPathAndData_IsCompleteWithTheManifest()
    {
        Manifest manifest = await CommitAsync(m => m);

        PartitionStatus status = await Partitions.GetStatusAsync(Partition, Ct);

        Assert.Equal(new PartitionStatus(Partition, PartitionState.Complete, new ObjectInfo(Partition.DataKey("lake"), 100), status.Manifest), status);
        Assert.Equal(manifest.Tables, status.Manifest!.Tables);
    }

    [Fact]
    public async Task GetStatusAsync_LedgersAtThePartitionsBounds_IsComplete()
    {
        await CommitAsync(m => WithEntry(m, e => e with { FirstLedger = 10, LastLedger = 19 }));

        Assert.Equal(PartitionState.Complete, (await Partitions.GetStatusAsync(Partition, Ct)).State);
    }

    [Theory]
    [InlineData("testnet", "pre_p23", "v1", 10, 19)]
    [InlineData("pubnet", "p23_plus", "v1", 10, 19)]
    [InlineData("pubnet", "pre_p23", "v2", 10, 19)]
    [InlineData("pubnet", "pre_p23", "v1", 0, 19)]
    [InlineData("pubnet", "pre_p23", "v1", 10, 29)]
    public async Task GetStatusAsync_ManifestOfAnotherPartition_IsAConflictNamingBoth(string network, string era, string version, long start, long end)
    {
        await CommitAsync(m => m with { Partition = new ManifestPartition { Network = network, EraId = era, Version = version, Start = start, End = end } });

        PartitionStatus status = await Partitions.GetStatusAsync(Partition, Ct);

        Assert.Equal(PartitionState.Conflict, status.State);
        Assert.Equal(
            $"the manifest describes another partition ({network}/{era}/{version} {start}-{end}) than its path (pubnet/pre_p23/v1 10-19)", status.Reason);
        Assert.NotNull(status.Manifest);
    }

    [Fact]
    public async Task GetStatusAsync_ManifestWithoutTheTable_IsAConflict()
    {
        await CommitAsync(m => m with { Tables = new Dictionary<string, ManifestTableEntry> { ["other"] = m.Tables["ledgers_lcm_raw"] } });

        Assert.Equal("the manifest has no entry for table ledgers_lcm_raw", (await Partitions.GetStatusAsync(Partition, Ct)).Reason);
    }

    [Fact]
    public async Task GetStatusAsync_ManifestNamingAnotherFile_IsAConflict()
    {
        await CommitAsync(m => WithEntry(m, e => e with { File = "part-0-9.parquet" }));

        Assert.Equal("the manifest names file part-0-9.parquet, not part-10-19.parquet", (await Partitions.GetStatusAsync(Partition, Ct)).Reason);
    }

    [Fact]
    public async Task GetStatusAsync_ManifestWithoutItsDataFile_IsAConflict()
    {
        await Partitions.WriteManifestAsync(Partition, Manifest(), Ct);

        PartitionStatus status = await Partitions.GetStatusAsync(Partition, Ct);

        Assert.Equal((PartitionState.Conflict, null), (status.State, status.Data));
        Assert.Equal("the manifest exists but the data file part-10-19.parquet does not", status.Reason);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(101)]
    public async Task GetStatusAsync_DataFileOfAnotherSize_IsAConflict(long byteSize)
    {
        await CommitAsync(m => WithEntry(m, e => e with { ByteSize = byteSize }));

        PartitionStatus status = await Partitions.GetStatusAsync(Partition, Ct);

        Assert.Equal($"the data file has 100 bytes, the manifest says {byteSize}", status.Reason);
        Assert.Equal(100, status.Data?.Size);
    }

    [Theory]
    [InlineData(9, 19)]
    [InlineData(10, 20)]
    public async Task GetStatusAsync_LedgersOutsideThePartition_IsAConflict(long first, long last)
    {
        await CommitAsync(m => WithEntry(m, e => e with { FirstLedger = first, LastLedger = last }));

        Assert.Equal(
            $"the manifest says ledgers {first}-{last}, outside the partition 10-19", (await Partitions.GetStatusAsync(Partition, Ct)).Reason);
    }

    [Fact]
    public async Task GetStatusAsync_MalformedManifest_IsAConflictWithTheStoresReason()
    {
        await Partitions.WriteDataAsync(Partition, new MemoryStream(Data), Ct);
        await Partitions.Store.PutIfAbsentAsync(Partition.ManifestKey("lake"), new MemoryStream("{\"partition\":"u8.ToArray()), Ct);

        PartitionStatus status = await Partitions.GetStatusAsync(Partition, Ct);

        Assert.Equal((PartitionState.Conflict, null, null), (status.State, status.Data, status.Manifest));
        Assert.Contains(Partition.ManifestKey("lake"), status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_StoreRefusesTheKey_IsAConflictWithTheStoresReason()
    {
        var refusing = new PartitionStore(new ListedStore { ReadError = new BronzeException(BronzeErrorKind.Conflict, "a symbolic link") });

        PartitionStatus status = await refusing.GetStatusAsync(Partition, Ct);

        Assert.Equal(new PartitionStatus(Partition, PartitionState.Conflict, null, null, "a symbolic link"), status);
    }

    [Fact]
    public async Task GetStatusAsync_StoreFails_Throws()
    {
        var failing = new PartitionStore(new ListedStore { ReadError = new BronzeException(BronzeErrorKind.StoreFailure, "down", isTransient: true) });

        var error = await Assert.ThrowsAsync<BronzeException>(() => failing.GetStatusAsync(Partition, Ct));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
    }

    [Fact]
    public async Task GetStatusAsync_NullPartition_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Partitions.GetStatusAsync(null!, Ct));
    }

    private static Manifest Manifest() =>
        ManifestGenerator.Create(Partition, new DataFileFacts(Data.Length, TestBytes.Sha256(Data), 10, "zstd", 12, 17));

    private static Manifest WithEntry(Manifest manifest, Func<ManifestTableEntry, ManifestTableEntry> change) =>
        manifest with { Tables = new Dictionary<string, ManifestTableEntry> { ["ledgers_lcm_raw"] = change(manifest.Tables["ledgers_lcm_raw"]) } };

    private async Task<Manifest> CommitAsync(Func<Manifest, Manifest> change)
    {
        await Partitions.WriteDataAsync(Partition, new MemoryStream(Data), Ct);
        Manifest manifest = change(Manifest());
        await Partitions.WriteManifestAsync(Partition, manifest, Ct);
        return manifest;
    }
}
