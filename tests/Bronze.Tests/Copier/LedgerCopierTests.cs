using System.Collections.Concurrent;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Tests.Manifests;
using Bronze.Verification;

namespace Bronze.Tests.Copier;

public sealed class LedgerCopierTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_EmptyStore_WritesEveryPartitionWithItsManifest()
    {
        using var fixture = new CopierFixture();
        var events = new ConcurrentQueue<CopierEvent>();

        CopyRunSummary summary = await fixture.Copier(CopierFixture.Options(progress: new SyncProgress<CopierEvent>(events.Enqueue))).RunAsync(Token);

        Assert.Empty(summary.Problems.Select(p => p.Message));
        Assert.Equal((3, 3, 0, 0, 0, 0), (summary.Partitions, summary.Written, summary.Skipped, summary.Healed, summary.Conflicts, summary.Failed));
        Assert.Equal(29, summary.Rows);
        var store = new PartitionStore(fixture.Store, "lake");
        foreach ((long start, long rows) in new[] { (0L, 9L), (10L, 10L), (20L, 10L) })
        {
            PartitionRef partition = CopierFixture.Ledgers.Partition(start, start + 9);
            Manifest? manifest = await store.ReadManifestAsync(partition, Token);
            Assert.NotNull(manifest);
            ManifestTableEntry entry = manifest.Tables["ledgers_lcm_raw"];
            Assert.Equal((rows, "zstd", Math.Max(start, 1), start + 9), (entry.RowCount, entry.Codec, entry.FirstLedger!.Value, entry.LastLedger!.Value));
            Assert.Equal(new FileInfo(fixture.PathOf(partition.DataKey("lake"))).Length, entry.ByteSize);
            Assert.Empty(ManifestSchema.Errors(await File.ReadAllTextAsync(fixture.PathOf(partition.ManifestKey("lake")), Token)));
        }

        Assert.Equal(3, events.Count(e => e.Kind == CopierEventKind.Written));
        Assert.Equal(29, events.Where(e => e.Kind == CopierEventKind.Progress).Sum(e => e.Rows));
        Assert.Equal(summary.SourceBytes, events.Where(e => e.Kind == CopierEventKind.Progress).Sum(e => e.SourceBytes));
        Assert.All(events.Where(e => e.Kind == CopierEventKind.Progress), e => Assert.Equal(0, e.DataFileBytes));
        Assert.All(events.Where(e => e.Kind == CopierEventKind.Written), e => Assert.Equal(
            (0L, new FileInfo(fixture.PathOf(e.Partition.DataKey("lake"))).Length), (e.SourceBytes, e.DataFileBytes)));
        Assert.Equal(summary.Bytes, events.Where(e => e.Kind == CopierEventKind.Written).Sum(e => e.DataFileBytes));
        Assert.True((await new DatasetVerifier(fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake" }).VerifyAsync(Token)).IsValid);
    }

    [Fact]
    public async Task RunAsync_SecondRun_SkipsEverythingAndChangesNothing()
    {
        using var fixture = new CopierFixture();
        await fixture.Copier().RunAsync(Token);
        SortedDictionary<string, string> before = fixture.Snapshot();
        var events = new ConcurrentQueue<CopierEvent>();

        CopyRunSummary second = await fixture.Copier(CopierFixture.Options(progress: new SyncProgress<CopierEvent>(events.Enqueue))).RunAsync(Token);

        Assert.Equal((0, 3), (second.Written, second.Skipped));
        Assert.Equal(before, fixture.Snapshot());
        Assert.Equal(3, events.Count(e => e.Kind == CopierEventKind.Skipped));
        Assert.All(events.Where(e => e.Kind == CopierEventKind.Skipped), e => Assert.Equal(
            (0L, new FileInfo(fixture.PathOf(e.Partition.DataKey("lake"))).Length), (e.SourceBytes, e.DataFileBytes)));
        Assert.DoesNotContain(events, e => e.Kind == CopierEventKind.Progress);
    }

    [Fact]
    public async Task RunAsync_SameRangeInTwoStores_WritesIdenticalDataFiles()
    {
        using var first = new CopierFixture();
        using var second = new CopierFixture();

        await first.Copier().RunAsync(Token);
        await second.Copier(CopierFixture.Options() with { Parallelism = 1 }).RunAsync(Token);

        List<KeyValuePair<string, string>> firstFiles = [.. first.Snapshot().Where(f => f.Key.EndsWith(".parquet", StringComparison.Ordinal))];
        Assert.NotEmpty(firstFiles);
        Assert.Equal(firstFiles, second.Snapshot().Where(f => f.Key.EndsWith(".parquet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_IncompletePartitionWithTheSameBytes_HealsIt()
    {
        using var fixture = new CopierFixture();
        using var other = new CopierFixture();
        await StoreAnotherRunsDataFileAsync(fixture, other);
        var planBefore = await fixture.Copier().PlanAsync(Token).ToListAsync(Token);

        CopyRunSummary summary = await fixture.Copier().RunAsync(Token);

        Assert.Equal(PartitionState.Incomplete, planBefore[1].Status);
        Assert.Equal((2, 1, 0), (summary.Written, summary.Healed, summary.Conflicts));
        Assert.Equal(other.Snapshot().Where(f => f.Key.EndsWith(".parquet", StringComparison.Ordinal)),
            fixture.Snapshot().Where(f => f.Key.EndsWith(".parquet", StringComparison.Ordinal)));
        Assert.True((await new DatasetVerifier(fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake" }).VerifyAsync(Token)).IsValid);
    }

    [Fact]
    public async Task RunAsync_AnotherWriterStoredTheSameDataFileFirst_CountsItHealedWithItsRowsAndBytes()
    {
        using var fixture = new CopierFixture();
        using var other = new CopierFixture();
        await StoreAnotherRunsDataFileAsync(fixture, other);

        CopyRunSummary summary = await fixture.Copier(store: new DataHidingStore(fixture.Store)).RunAsync(Token);

        Assert.Equal((2, 1, 0), (summary.Written, summary.Healed, summary.Skipped));
        Assert.Equal(29, summary.Rows);
        Assert.Equal(other.Snapshot().Where(f => f.Key.EndsWith(".parquet", StringComparison.Ordinal)).Sum(f => new FileInfo(other.PathOf(f.Key)).Length), summary.Bytes);
    }

    [Fact]
    public async Task RunAsync_IncompletePartitionWithOtherBytes_ReportsAConflictAndOverwritesNothing()
    {
        using var fixture = new CopierFixture();
        PartitionRef partition = CopierFixture.Ledgers.Partition(10, 19);
        string key = partition.DataKey("lake");
        await fixture.Store.PutIfAbsentAsync(key, new MemoryStream([1, 2, 3, 4]), Token);

        CopyRunSummary summary = await fixture.Copier().RunAsync(Token);

        Assert.Equal((2, 0, 1), (summary.Written, summary.Healed, summary.Conflicts));
        CopierEvent conflict = Assert.Single(summary.Problems);
        Assert.Equal((CopierEventKind.Conflict, partition), (conflict.Kind, conflict.Partition));
        Assert.Contains("differs", conflict.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(fixture.PathOf(key), Token));
        Assert.False(File.Exists(fixture.PathOf(partition.ManifestKey("lake"))));
    }

    [Fact]
    public async Task PlanAsync_EachKindOfPartition_ReportsItsStatusAndWritesNothing()
    {
        using var fixture = new CopierFixture();
        await fixture.Copier(CopierFixture.Options(0, 9)).RunAsync(Token);
        var store = new PartitionStore(fixture.Store, "lake");
        await fixture.Store.PutIfAbsentAsync(CopierFixture.Ledgers.Partition(10, 19).DataKey("lake"), new MemoryStream([9]), Token);
        Manifest manifest = (await store.ReadManifestAsync(CopierFixture.Ledgers.Partition(0, 9), Token))!;
        await store.WriteManifestAsync(CopierFixture.Ledgers.Partition(20, 29), manifest with
        {
            Partition = manifest.Partition with { Start = 20, End = 29 },
            Tables = new Dictionary<string, ManifestTableEntry> { ["ledgers_lcm_raw"] = manifest.Tables["ledgers_lcm_raw"] with { File = "part-20-29.parquet" } },
        }, Token);
        SortedDictionary<string, string> before = fixture.Snapshot();

        IReadOnlyList<PartitionPlan> plan = await fixture.Copier(CopierFixture.Options(0, 39)).PlanAsync(Token).ToListAsync(Token);

        Assert.Equal([PartitionState.Complete, PartitionState.Incomplete, PartitionState.Conflict, PartitionState.Absent], plan.Select(p => p.Status));
        Assert.Contains("data file", plan[2].Detail, StringComparison.Ordinal);
        Assert.Equal(["lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=30-39/part-30-39.parquet", "lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=30-39/_manifest.json"], plan[3].KeysToWrite);
        Assert.Equal(before, fixture.Snapshot());
    }

    [Fact]
    public async Task PlanAndVerify_ManifestOfAnotherPartition_ConflictAndPartitionMismatch()
    {
        using var fixture = new CopierFixture();
        await fixture.Copier(CopierFixture.Options(0, 9)).RunAsync(Token);
        var store = new PartitionStore(fixture.Store, "lake");
        PartitionRef moved = CopierFixture.Ledgers.Partition(10, 19);
        await using (FileStream data = File.OpenRead(fixture.PathOf(CopierFixture.Ledgers.Partition(0, 9).DataKey("lake"))))
            await fixture.Store.PutIfAbsentAsync(moved.DataKey("lake"), data, Token);
        Manifest manifest = (await store.ReadManifestAsync(CopierFixture.Ledgers.Partition(0, 9), Token))!;
        await store.WriteManifestAsync(moved, manifest with
        {
            Tables = new Dictionary<string, ManifestTableEntry> { ["ledgers_lcm_raw"] = manifest.Tables["ledgers_lcm_raw"] with { File = "part-10-19.parquet" } },
        }, Token);

        IReadOnlyList<PartitionPlan> plan = await fixture.Copier(CopierFixture.Options(10, 19)).PlanAsync(Token).ToListAsync(Token);
        VerificationReport report = await new DatasetVerifier(
            fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake", Start = 10, End = 19, PartitionSize = 10 }).VerifyAsync(Token);

        PartitionPlan only = Assert.Single(plan);
        Assert.Equal(PartitionState.Conflict, only.Status);
        Assert.Contains("another partition", only.Detail, StringComparison.Ordinal);
        Assert.Contains(report.Issues, i => i.Kind == VerificationIssueKind.PartitionMismatch);
    }

    [Fact]
    public async Task RunAsync_CancelledMidRun_LeavesOnlyCompletePartitionsAndALaterRunFinishes()
    {
        using var fixture = new CopierFixture();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var progress = new SyncProgress<CopierEvent>(e =>
        {
            if (e.Kind == CopierEventKind.Progress && e.Partition.Start == 100) cancellation.Cancel();
        });
        CopierOptions options = CopierFixture.Options(0, 399, 100, progress) with { Parallelism = 1 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Copier(options).RunAsync(cancellation.Token));

        Assert.True(File.Exists(fixture.PathOf(CopierFixture.Ledgers.Partition(0, 99).ManifestKey("lake"))));
        Assert.Equal(2, fixture.Snapshot().Count); // partition 0-99 only: nothing of 100-199, no temp files
        CopyRunSummary resumed = await fixture.Copier(options with { Progress = null }).RunAsync(Token);
        Assert.Equal((3, 1), (resumed.Written, resumed.Skipped));
        Assert.True((await new DatasetVerifier(fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake", Start = 0, End = 399, PartitionSize = 100 }).VerifyAsync(Token)).IsValid);
    }

    [Fact]
    public async Task RunAsync_SourceShortOfTheRange_FailsThePartitionAndPublishesNothing()
    {
        using var fixture = new CopierFixture();
        var source = new GappySource(fixture.Source, missingLedger: 15);

        CopyRunSummary summary = await fixture.Copier(source: source).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Failed));
        CopierEvent failed = Assert.Single(summary.Problems);
        Assert.Equal(10, failed.Partition.Start);
        Assert.Contains("missing", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Snapshot().Keys, k => k.Contains("range=10-19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TwoCopiersAtOnce_WriteEachPartitionExactlyOnce()
    {
        using var fixture = new CopierFixture();
        CopierOptions options = CopierFixture.Options(0, 199, 10);

        CopyRunSummary[] runs = await Task.WhenAll(
            Task.Run(() => fixture.Copier(options).RunAsync(Token), Token),
            Task.Run(() => fixture.Copier(options).RunAsync(Token), Token));

        Assert.Equal(20, runs.Sum(r => r.Written));
        // The other copier skips each partition, or heals it when it finds the data file before its manifest.
        Assert.Equal(20, runs.Sum(r => r.Skipped + r.Healed));
        Assert.All(runs, r => Assert.True(r.Succeeded));
        Assert.Equal(40, fixture.Snapshot().Count);
        Assert.True((await new DatasetVerifier(fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake" }).VerifyAsync(Token)).IsValid);
    }

    [Fact]
    public async Task RunAsync_DefaultMeanXdr_CompressesLikeRealMetaWithZstd()
    {
        // Real testnet LedgerCloseMeta (shared/data/stellar, ledgers 997-999) compresses 4.3x with zstd -3.
        using var fixture = new CopierFixture();
        var source = new SyntheticLedgerSource();

        CopyRunSummary summary = await fixture.Copier(CopierFixture.Options(0, 499, 500), source).RunAsync(Token);

        Assert.InRange(summary.SourceBytes / (double)summary.Bytes, 3.3, 5.3);
    }

    [Theory]
    [InlineData(5, 29, 10, "start")]
    [InlineData(0, 25, 10, "end")]
    [InlineData(0, 29, 0, "partition_size")]
    public void Constructor_BadRange_NamesTheOption(long start, long end, long size, string field)
    {
        using var fixture = new CopierFixture();

        var error = Assert.Throws<BronzeException>(() => fixture.Copier(CopierFixture.Options(start, end, size)));

        Assert.Equal(field, error.Field);
    }

    /// <summary>Copies the range into <paramref name="other"/> and puts its data file of 10-19 alone into <paramref name="fixture"/>.</summary>
    private static async Task StoreAnotherRunsDataFileAsync(CopierFixture fixture, CopierFixture other)
    {
        await other.Copier().RunAsync(Token);
        string key = CopierFixture.Ledgers.Partition(10, 19).DataKey("lake");
        await fixture.Store.PutFileIfAbsentAsync(key, other.PathOf(key), Token);
    }
}
