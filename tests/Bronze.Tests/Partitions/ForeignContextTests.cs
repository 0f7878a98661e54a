using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>
/// A host that calls Bronze from a UI or request context must not have Bronze's continuations queued on that context
/// (a caller blocking on the task would deadlock): every await in Partitions/ and the copier's plan resumes wherever
/// the store answered, whichever of them is the first to suspend.
/// </summary>
public sealed class ForeignContextTests() : LocalPartitionsTests("lake")
{
    private static readonly PartitionRef Partition = Ledgers.Partition(10, 19);
    private readonly CallerContext _caller = new();

    [Fact]
    public async Task PartitionOperations_EachStoreCallSuspendingInTurn_NothingResumesOnTheCallersContext()
    {
        byte[] data = TestBytes.Create(100, seed: 5);
        Manifest manifest = ManifestGenerator.Create(Partition, new DataFileFacts(data.Length, TestBytes.Sha256(data), 10, "zstd", 10, 19));
        var operations = new Dictionary<string, Func<PartitionStore, Task>>
        {
            ["write data"] = p => p.WriteDataAsync(Partition, new MemoryStream(data), Ct),
            ["write manifest"] = p => p.WriteManifestAsync(Partition, manifest, Ct),
            ["read manifest"] = p => p.ReadManifestAsync(Partition, Ct),
            ["status"] = async p => Assert.Equal(PartitionState.Complete, (await p.GetStatusAsync(Partition, Ct).ConfigureAwait(false)).State),
            ["list"] = p => DrainAsync(p.ListPartitionsAsync(Ledgers, Ct)),
            ["scan"] = p => DrainAsync(p.ScanAsync(Ledgers, null, Ct)),
            ["existing"] = p => ExistingPartitions.LoadAsync(p, Ledgers, Ct),
            ["digest"] = p => StoredObjectDigest.ReadAsync(p.Store, Partition.DataKey("lake"), 8, Ct),
            ["plan"] = async p =>
            {
                var expected = new PlanExpectations(await ExistingPartitions.LoadAsync(Partitions, Ledgers, Ct).ConfigureAwait(false), "zstd", _ => 10);
                Assert.Equal(PartitionState.Complete, (await PartitionPlanner.PlanAsync(p, Partition, expected, Ct).ConfigureAwait(false)).Status);
            },
        };
        int runs = 0;

        foreach ((string name, Func<PartitionStore, Task> operation) in operations)
        {
            for (int call = 1; ; call++)
            {
                var store = new SuspendingStore(Partitions.Store, _caller, call);
                await _caller.StartAsync(() => operation(new PartitionStore(store, "lake")));
                runs++;
                Assert.True(_caller.Posts == 0, $"{name}, store call {call} suspending: a continuation was posted to the caller's context");
                if (store.Calls <= call) break;
            }
        }

        Assert.True(runs > 20, $"{runs} runs");
    }

    [Fact]
    public async Task CallerContext_CodeThatKeepsItsContext_IsCounted()
    {
        var store = new SuspendingStore(Partitions.Store, _caller, 1);

        await _caller.StartAsync(async () => await store.StatAsync(Partition.DataKey("lake"), Ct));

        Assert.Equal(1, _caller.Posts);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _caller.Dispose();
        base.Dispose(disposing);
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (T item in items.ConfigureAwait(false)) Assert.NotNull(item);
    }
}
