using Bronze.Copier;
using Bronze.Layout;
using Bronze.Verification;

namespace Bronze.Tests.Copier;

/// <summary>N copiers, one per shard, split a range exactly once; a run that failed only transiently says so.</summary>
public sealed class ShardedCopyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Partitions_EachShardOfN_TakesPartitionsKModNAndTogetherCoverTheRangeOnce(int count)
    {
        using var fixture = new CopierFixture();
        CopierOptions options = CopierFixture.Options(start: 100, end: 299, partitionSize: 10);
        IReadOnlyList<PartitionRef> all = fixture.Copier(options).Partitions;

        List<PartitionRef>[] shares = [.. Enumerable.Range(0, count).Select(i => fixture.Copier(options with { Shard = new Shard(i, count) }).Partitions.ToList())];

        Assert.Equal(20, all.Count);
        Assert.Equal(all, shares.SelectMany(s => s).OrderBy(p => p.Start));
        for (int i = 0; i < count; i++)
            Assert.All(shares[i], p => Assert.Equal(i, (int)((p.Start - 100) / 10 % count)));
    }

    [Fact]
    public async Task RunAsync_FourShards_WriteEachPartitionOnceAndTheUnionVerifies()
    {
        using var fixture = new CopierFixture();
        CopierOptions options = CopierFixture.Options(start: 0, end: 79, partitionSize: 10);

        CopyRunSummary[] runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.Copier(options with { Shard = new Shard(i, 4) }).RunAsync(Token)));

        Assert.All(runs, r => Assert.Equal((2, 2), (r.Partitions, r.Written)));
        VerificationReport verification = await new DatasetVerifier(fixture.Store, new VerificationOptions { Dataset = CopierFixture.Ledgers, Prefix = "lake" }).VerifyAsync(Token);
        Assert.True(verification.IsValid);
        Assert.Equal(8, verification.Partitions.Count);
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(4, 4)]
    [InlineData(0, 0)]
    [InlineData(0, Shard.MaxCount + 1)]
    public void Constructor_OutOfRange_ThrowsInvalidInputNamingShard(int index, int count)
    {
        var error = Assert.Throws<BronzeException>(() => new Shard(index, count));

        Assert.Equal((BronzeErrorKind.InvalidInput, "shard"), (error.Kind, error.Field));
    }

    [Fact]
    public async Task RunAsync_OnlyTransientFailures_FailedOnlyTransiently()
    {
        using var fixture = new CopierFixture();
        var source = new FailingSource(fixture.Source, new HashSet<long> { 10, 20 }, new HashSet<long>());

        CopyRunSummary summary = await fixture.Copier(source: source).RunAsync(Token);

        Assert.Equal((1, 2, 2), (summary.Written, summary.Failed, summary.TransientFailures));
        Assert.True(summary.FailedOnlyTransiently);
    }

    [Fact]
    public async Task RunAsync_TransientAndPermanentFailures_NotOnlyTransient()
    {
        using var fixture = new CopierFixture();
        var source = new FailingSource(fixture.Source, new HashSet<long> { 10 }, new HashSet<long> { 20 });

        CopyRunSummary summary = await fixture.Copier(source: source).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Failed, summary.TransientFailures));
        Assert.False(summary.FailedOnlyTransiently);
    }
}
