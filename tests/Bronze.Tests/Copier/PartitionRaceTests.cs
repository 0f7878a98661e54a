using System.Collections.Concurrent;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Testing;

namespace Bronze.Tests.Copier;

/// <summary>
/// Another writer publishes a partition's data file or manifest between this copier's look at the store and its own
/// put-if-absent (or left a different data file for a heal): identical objects are accepted, anything else is a
/// conflict that overwrites nothing.
/// </summary>
public sealed class PartitionRaceTests
{
    private static readonly PartitionRef Raced = CopierFixture.Ledgers.Partition(10, 19);
    private static readonly string DataKey = Raced.DataKey("lake");
    private static readonly string ManifestKey = Raced.ManifestKey("lake");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_RivalStoredDifferentBytesOfTheSameSize_ConflictAndKeepsTheRivalsFile()
    {
        using var fixture = new CopierFixture();
        (byte[] data, _) = await ThisRunsPartitionAsync();
        byte[] rival = Flipped(data);
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(DataKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 0, 0, 1), (summary.Written, summary.Healed, summary.Skipped, summary.Conflicts));
        CopierEvent conflict = Assert.Single(summary.Problems);
        Assert.Equal((CopierEventKind.Conflict, Raced), (conflict.Kind, conflict.Partition));
        Assert.Contains("another writer stored a different data file", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(DataKey), Token));
        Assert.False(File.Exists(fixture.PathOf(ManifestKey)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public async Task RunAsync_RivalStoredAFileOfAnotherSize_ConflictAndKeepsTheRivalsFile(int sizeChange)
    {
        using var fixture = new CopierFixture();
        (byte[] data, _) = await ThisRunsPartitionAsync();
        byte[] rival = sizeChange > 0 ? [.. data, 0] : data[..^1];
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(DataKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Conflicts));
        Assert.Contains($"{rival.Length} bytes", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(DataKey), Token));
        Assert.False(File.Exists(fixture.PathOf(ManifestKey)));
    }

    [Fact]
    public async Task RunAsync_RivalCommittedTheSamePartitionFirst_SkipsItAndKeepsTheRivalsManifest()
    {
        using var fixture = new CopierFixture();
        (byte[] data, byte[] manifest) = await ThisRunsPartitionAsync();
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(DataKey, data);
        store.PublishFirst(ManifestKey, manifest);
        var events = new ConcurrentQueue<CopierEvent>();

        CopyRunSummary summary = await fixture.Copier(CopierFixture.Options(progress: new SyncProgress<CopierEvent>(events.Enqueue)), store: store).RunAsync(Token);

        Assert.Equal((2, 0, 1, 0), (summary.Written, summary.Healed, summary.Skipped, summary.Conflicts));
        CopierEvent skipped = Assert.Single(events, e => e.Kind == CopierEventKind.Skipped);
        Assert.Equal((Raced, 10L, (long)data.Length), (skipped.Partition, skipped.Rows, skipped.DataFileBytes));
        Assert.Contains("another writer committed the same partition", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(manifest, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Fact]
    public async Task RunAsync_RivalCommittedTheSameManifestAfterOurDataFile_CountsItWritten()
    {
        using var fixture = new CopierFixture();
        (byte[] data, byte[] manifest) = await ThisRunsPartitionAsync();
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, manifest);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((3, 0, 0, 0), (summary.Written, summary.Healed, summary.Skipped, summary.Conflicts));
        Assert.Equal(data, await File.ReadAllBytesAsync(fixture.PathOf(DataKey), Token));
        Assert.Equal(manifest, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Fact]
    public async Task RunAsync_RivalCommittedAManifestWithAnotherChecksum_ConflictAndKeepsTheRivalsManifest()
    {
        using var fixture = new CopierFixture();
        (byte[] data, byte[] manifest) = await ThisRunsPartitionAsync();
        byte[] rival = WithChecksum(manifest, "sha256:" + new string('0', 64));
        string ours = $"checksum sha256:{TestBytes.Sha256(data)}, 10 rows, {data.Length} bytes, file part-10-19.parquet, partition pubnet/pre_p23/v1 10-19";
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 0, 1), (summary.Written, summary.Skipped, summary.Conflicts));
        string message = Assert.Single(summary.Problems).Message!;
        Assert.Equal($"another writer committed a different manifest ({ours.Replace(TestBytes.Sha256(data), new string('0', 64), StringComparison.Ordinal)}; this run's: {ours})", message);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Fact]
    public async Task RunAsync_RivalCommittedAManifestWithoutThisTable_Conflict()
    {
        using var fixture = new CopierFixture();
        (_, byte[] manifest) = await ThisRunsPartitionAsync();
        Manifest parsed = ManifestSerializer.Deserialize(manifest, "rival");
        byte[] rival = ManifestSerializer.Serialize(parsed with
        {
            Tables = new Dictionary<string, ManifestTableEntry> { ["other_table"] = parsed.Tables[Raced.Table] },
        });
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 1, 0), (summary.Written, summary.Conflicts, summary.Failed));
        Assert.Contains("different manifest (no entry for table ledgers_lcm_raw, partition pubnet/pre_p23/v1 10-19; this run's: checksum sha256:", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Theory]
    [InlineData("row_count")]
    [InlineData("partition")]
    [InlineData("file")]
    public async Task RunAsync_RivalManifestWithOurChecksumButOtherFacts_ConflictAsTheNextRunWouldSee(string field)
    {
        using var fixture = new CopierFixture();
        (_, byte[] manifest) = await ThisRunsPartitionAsync();
        Manifest parsed = ManifestSerializer.Deserialize(manifest, "rival");
        ManifestTableEntry entry = parsed.Tables[Raced.Table];
        byte[] rival = ManifestSerializer.Serialize(field switch
        {
            "row_count" => parsed with { Tables = new Dictionary<string, ManifestTableEntry> { [Raced.Table] = entry with { RowCount = entry.RowCount - 1 } } },
            "file" => parsed with { Tables = new Dictionary<string, ManifestTableEntry> { [Raced.Table] = entry with { File = "part-10-18.parquet" } } },
            _ => parsed with { Partition = parsed.Partition with { Network = "testnet" } },
        });
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);
        IReadOnlyList<PartitionPlan> next = await fixture.Copier().PlanAsync(Token).ToListAsync(Token);

        Assert.Equal((2, 0, 1), (summary.Written, summary.Skipped, summary.Conflicts));
        Assert.Contains("another writer committed a different manifest", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(PartitionState.Conflict, next[1].Status);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Fact]
    public async Task RunAsync_IncompletePartitionWithDifferentBytesOfTheSameSize_ConflictAndOverwritesNothing()
    {
        using var fixture = new CopierFixture();
        (byte[] data, _) = await ThisRunsPartitionAsync();
        byte[] stored = Flipped(data);
        await fixture.Store.PutIfAbsentAsync(DataKey, new MemoryStream(stored), Token);

        CopyRunSummary summary = await fixture.Copier().RunAsync(Token);

        Assert.Equal((2, 0, 1), (summary.Written, summary.Healed, summary.Conflicts));
        Assert.Contains("the stored data file differs", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(stored, await File.ReadAllBytesAsync(fixture.PathOf(DataKey), Token));
        Assert.False(File.Exists(fixture.PathOf(ManifestKey)));
    }

    [Fact]
    public async Task RunAsync_HealRacedByTheSameManifest_SkipsIt()
    {
        using var fixture = new CopierFixture();
        (byte[] data, byte[] manifest) = await ThisRunsPartitionAsync();
        await fixture.Store.PutIfAbsentAsync(DataKey, new MemoryStream(data), Token);
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, manifest);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 0, 1, 0), (summary.Written, summary.Healed, summary.Skipped, summary.Conflicts));
        Assert.Equal(manifest, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    [Fact]
    public async Task RunAsync_HealRacedByAnotherManifest_ConflictAndKeepsTheRivalsManifest()
    {
        using var fixture = new CopierFixture();
        (byte[] data, byte[] manifest) = await ThisRunsPartitionAsync();
        await fixture.Store.PutIfAbsentAsync(DataKey, new MemoryStream(data), Token);
        byte[] rival = WithChecksum(manifest, "sha256:" + new string('f', 64));
        var store = new RacingStore(fixture.Store);
        store.PublishFirst(ManifestKey, rival);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((2, 0, 0, 1), (summary.Written, summary.Healed, summary.Skipped, summary.Conflicts));
        Assert.Contains("another writer committed a different manifest", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(rival, await File.ReadAllBytesAsync(fixture.PathOf(ManifestKey), Token));
    }

    /// <summary>The data file and manifest a run writes for the raced partition, from a run into another store.</summary>
    private static async Task<(byte[] Data, byte[] Manifest)> ThisRunsPartitionAsync()
    {
        using var other = new CopierFixture();
        CopyRunSummary summary = await other.Copier(CopierFixture.Options(Raced.Start, Raced.End)).RunAsync(Token);
        Assert.Equal(1, summary.Written);
        return (await File.ReadAllBytesAsync(other.PathOf(DataKey), Token), await File.ReadAllBytesAsync(other.PathOf(ManifestKey), Token));
    }

    /// <summary>The same bytes with one flipped in the middle: same size, another sha256.</summary>
    private static byte[] Flipped(byte[] data)
    {
        byte[] copy = [.. data];
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }

    private static byte[] WithChecksum(byte[] manifest, string checksum)
    {
        Manifest parsed = ManifestSerializer.Deserialize(manifest, "rival");
        return ManifestSerializer.Serialize(parsed with
        {
            Tables = new Dictionary<string, ManifestTableEntry> { [Raced.Table] = parsed.Tables[Raced.Table] with { Checksum = checksum } },
        });
    }
}
