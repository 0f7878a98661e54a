using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>
/// A host that calls Bronze from a UI or request context must not have Bronze's continuations queued on that context
/// (a caller blocking on the task would deadlock): every await in Partitions/ resumes wherever the store answered.
/// </summary>
public sealed class ForeignContextTests() : LocalPartitionsTests("lake")
{
    private static readonly PartitionRef Partition = Ledgers.Partition(10, 19);
    private readonly ForeignContexts _contexts = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _contexts.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public async Task PartitionOperations_StoreAnswersOnOtherContexts_NothingResumesOnTheCallersContext()
    {
        byte[] data = TestBytes.Create(100, seed: 5);
        var partitions = new PartitionStore(new ForeignContextStore(Partitions.Store, _contexts), "lake");
        Manifest manifest = ManifestGenerator.Create(Partition, new DataFileFacts(data.Length, TestBytes.Sha256(data), 10, "zstd", 10, 19));

        PutResult written = await _contexts.StartAsync(() => partitions.WriteDataAsync(Partition, new MemoryStream(data), Ct));
        PutResult committed = await _contexts.StartAsync(() => partitions.WriteManifestAsync(Partition, manifest, Ct));
        Manifest? read = await _contexts.StartAsync(() => partitions.ReadManifestAsync(Partition, Ct));
        PartitionStatus status = await _contexts.StartAsync(() => partitions.GetStatusAsync(Partition, Ct));
        List<PartitionRef> listed = await _contexts.StartAsync(() => DrainAsync(partitions.ListPartitionsAsync(Ledgers, Ct)));
        List<PartitionObjects> scanned = await _contexts.StartAsync(() => DrainAsync(partitions.ScanAsync(Ledgers, null, Ct)));
        ExistingPartitions existing = await _contexts.StartAsync(() => ExistingPartitions.LoadAsync(partitions, Ledgers, Ct));
        StoredObjectDigest digest = await _contexts.StartAsync(() => StoredObjectDigest.ReadAsync(partitions.Store, Partition.DataKey("lake"), 8, Ct));
        var expected = new PlanExpectations(existing, "zstd", _ => 10);
        PartitionPlan plan = await _contexts.StartAsync(() => PartitionPlanner.PlanAsync(partitions, Partition, expected, Ct));

        Assert.Equal(0, _contexts.Posts);
        Assert.True(written.Created && committed.Created);
        Assert.Equal(manifest.Tables, read?.Tables);
        Assert.Equal((PartitionState.Complete, PartitionState.Complete), (status.State, plan.Status));
        Assert.Equal([Partition], listed);
        Assert.Equal([Partition], scanned.Select(o => o.Partition));
        Assert.Equal(TestBytes.Sha256(data), digest.Sha256);
    }

    [Fact]
    public async Task ForeignContexts_CodeThatKeepsItsContext_IsCounted()
    {
        var store = new ForeignContextStore(Partitions.Store, _contexts);

        await _contexts.StartAsync(async () => await store.StatAsync(Partition.DataKey("lake"), Ct));

        Assert.Equal(1, _contexts.Posts);
    }

    private static async Task<List<T>> DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> all = [];
        await foreach (T item in items.ConfigureAwait(false)) all.Add(item);
        return all;
    }
}
