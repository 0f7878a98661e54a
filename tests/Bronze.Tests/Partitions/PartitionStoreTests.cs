using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

public sealed class PartitionStoreTests() : LocalPartitionsTests("bronze")
{
    [Fact]
    public async Task GetStatusAsync_NothingWritten_IsAbsent()
    {
        PartitionStatus status = await Partitions.GetStatusAsync(Ledgers.Partition(0, 9), Ct);

        Assert.Equal(PartitionState.Absent, status.State);
        Assert.Null(status.Data);
        Assert.Null(status.Manifest);
    }

    [Fact]
    public async Task GetStatusAsync_DataWithoutManifest_IsIncomplete()
    {
        PartitionRef partition = Ledgers.Partition(0, 9);
        byte[] data = TestBytes.Create(1000, seed: 1);

        await Partitions.WriteDataAsync(partition, new MemoryStream(data), Ct);
        PartitionStatus status = await Partitions.GetStatusAsync(partition, Ct);

        Assert.Equal(PartitionState.Incomplete, status.State);
        Assert.Equal(1000, status.Data?.Size);
        Assert.True(File.Exists(Path.Join(Root, partition.DataKey("bronze"))));
    }

    [Fact]
    public async Task WriteManifestAsync_AfterData_CompletesThePartitionAndReadsBack()
    {
        PartitionRef partition = Ledgers.Partition(10, 19);
        byte[] data = TestBytes.Create(4096, seed: 2);
        PutResult put = await Partitions.WriteDataAsync(partition, new MemoryStream(data), Ct);
        Manifest manifest = ManifestGenerator.Create(partition, new DataFileFacts(put.Size, put.Sha256, 10, "zstd", 10, 19));

        PutResult committed = await Partitions.WriteManifestAsync(partition, manifest, Ct);
        PartitionStatus status = await Partitions.GetStatusAsync(partition, Ct);
        Manifest? back = await Partitions.ReadManifestAsync(partition, Ct);

        Assert.True(committed.Created);
        Assert.Equal(PartitionState.Complete, status.State);
        Assert.NotNull(back);
        Assert.Equal("sha256:" + TestBytes.Sha256(data), back.Tables["ledgers_lcm_raw"].Checksum);
        Assert.Equal(4096, back.Tables["ledgers_lcm_raw"].ByteSize);
    }

    [Fact]
    public async Task WriteManifestAsync_Twice_SecondIsAlreadyExistsAndFirstStays()
    {
        PartitionRef partition = Ledgers.Partition(0, 9);
        Manifest first = ManifestGenerator.Create(partition, new DataFileFacts(1, new string('a', 64), 1, null, 1, 1));
        Manifest second = ManifestGenerator.Create(partition, new DataFileFacts(2, new string('b', 64), 2, null, 1, 2));

        await Partitions.WriteManifestAsync(partition, first, Ct);
        PutResult again = await Partitions.WriteManifestAsync(partition, second, Ct);

        Assert.Equal(PutOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(first.Tables["ledgers_lcm_raw"], (await Partitions.ReadManifestAsync(partition, Ct))!.Tables["ledgers_lcm_raw"]);
    }

    [Fact]
    public async Task ReadManifestAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Partitions.ReadManifestAsync(Ledgers.Partition(0, 9), Ct));
    }

    [Fact]
    public async Task ReadManifestAsync_Malformed_ThrowsIntegrityMismatchNamingTheKey()
    {
        PartitionRef partition = Ledgers.Partition(0, 9);
        await Partitions.Store.PutIfAbsentAsync(partition.ManifestKey("bronze"), new MemoryStream("{\"partition\":"u8.ToArray()), Ct);

        var error = await Assert.ThrowsAsync<BronzeException>(() => Partitions.ReadManifestAsync(partition, Ct));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Contains(partition.ManifestKey("bronze"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPartitionsAsync_MixedObjects_GivesEachPartitionOnceInStartOrder()
    {
        foreach (PartitionRef p in new[] { Ledgers.Partition(20, 29), Ledgers.Partition(0, 9), Ledgers.Partition(100, 109) })
            await Partitions.WriteDataAsync(p, new MemoryStream([1, 2, 3]), Ct);
        PartitionRef committed = Ledgers.Partition(0, 9);
        await Partitions.WriteManifestAsync(committed, ManifestGenerator.Create(committed, new DataFileFacts(3, new string('c', 64), 3, null, 1, 3)), Ct);
        var otherTable = new DatasetRef("pubnet", "pre_p23", "v1", "other");
        await Partitions.WriteDataAsync(otherTable.Partition(0, 9), new MemoryStream([4]), Ct);
        await Partitions.Store.PutIfAbsentAsync(Ledgers.Key("bronze") + "/notes.txt", new MemoryStream([5]), Ct);

        List<PartitionRef> listed = [];
        await foreach (PartitionRef p in Partitions.ListPartitionsAsync(Ledgers, Ct)) listed.Add(p);

        Assert.Equal([(0L, 9L), (20L, 29L), (100L, 109L)], listed.Select(p => (p.Start, p.End)));
    }

    [Fact]
    public async Task EveryPartitionMethod_NullPartition_ThrowsArgumentNull()
    {
        PartitionRef partition = null!;
        Manifest manifest = ManifestGenerator.Create(Ledgers.Partition(0, 9), new DataFileFacts(1, new string('a', 64), 1, null, 1, 1));

        Assert.Throws<ArgumentNullException>(() => { _ = Partitions.GetStatusAsync(partition, Ct); });
        Assert.Throws<ArgumentNullException>(() => { _ = Partitions.WriteDataAsync(partition, new MemoryStream([1]), Ct); });
        Assert.Throws<ArgumentNullException>(() => { _ = Partitions.WriteDataFileAsync(partition, "file", Ct); });
        await Assert.ThrowsAsync<ArgumentNullException>(() => Partitions.WriteManifestAsync(partition, manifest, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Partitions.ReadManifestAsync(partition, Ct));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Root));
    }
}
