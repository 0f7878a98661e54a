using Bronze.Copier;
using Bronze.Layout;

namespace Bronze.Tests.Copier;

/// <summary>A partition whose source or store fails publishes nothing and reports the failure that caused it.</summary>
public sealed class PartitionFailureTests
{
    private static readonly PartitionRef Failing = CopierFixture.Ledgers.Partition(10, 19);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(10, 15, "yielded 6 rows")]
    [InlineData(13, 19, "yielded 7 rows")]
    public async Task RunAsync_SourceEndsShortWithoutAGap_FailsThePartitionAndPublishesNothing(long first, long last, string expected)
    {
        using var fixture = new CopierFixture();
        var source = new TruncatedSource(fixture.Source, first, last);

        CopyRunSummary summary = await fixture.Copier(CopierFixture.Options(10, 19), source).RunAsync(Token);

        Assert.Equal((0, 1), (summary.Written, summary.Failed));
        string message = Assert.Single(summary.Problems).Message!;
        Assert.Contains(expected + " for partition 10-19, expected 10", message, StringComparison.Ordinal);
        Assert.Empty(fixture.Snapshot());
    }

    [Fact]
    public async Task RunAsync_StoreFailsWhileTheEncoderWaits_ReportsTheStoresErrorNotTheCancellation()
    {
        using var fixture = new CopierFixture();
        var store = new FailingPutStore(fixture.Store, Failing.DataKey("lake"), failAtOnce: true);
        var source = new StallingSource(fixture.Source, Failing.Start);

        CopyRunSummary summary = await fixture.Copier(source: source, store: store).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Failed));
        CopierEvent failed = Assert.Single(summary.Problems);
        Assert.Equal((Failing, FailingPutStore.Message), (failed.Partition, failed.Message));
        Assert.DoesNotContain(fixture.Snapshot().Keys, k => k.Contains("range=10-19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SourceFailsAndTheStoreWrapsIt_ReportsTheSourcesError()
    {
        using var fixture = new CopierFixture();
        var store = new FailingPutStore(fixture.Store, Failing.DataKey("lake"), failAtOnce: false);
        var source = new GappySource(fixture.Source, missingLedger: 15);

        CopyRunSummary summary = await fixture.Copier(source: source, store: store).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Failed));
        string message = Assert.Single(summary.Problems).Message!;
        Assert.Contains("ledgers 15 to 15 are missing", message, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingPutStore.Message, message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Snapshot().Keys, k => k.Contains("range=10-19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StoreThatIgnoresCancellation_StillEndsEachPutWithItsContent()
    {
        using var fixture = new CopierFixture();
        var store = new SelfTimedStore(fixture.Store);

        CopyRunSummary summary = await fixture.Copier(store: store).RunAsync(Token);

        Assert.Equal((3, 0), (summary.Written, summary.Failed));
        Assert.Empty(store.Errors);
    }

    [Fact]
    public async Task RunAsync_SourceFailsUnderAStoreThatIgnoresCancellation_TheStoresReadFailsWithTheSourcesError()
    {
        using var fixture = new CopierFixture();
        var store = new SelfTimedStore(fixture.Store);
        var source = new GappySource(fixture.Source, missingLedger: 15);

        CopyRunSummary summary = await fixture.Copier(source: source, store: store).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Failed));
        Exception seen = Assert.Single(store.Errors).Value;
        Assert.IsType<BronzeException>(seen);
        Assert.Contains("ledgers 15 to 15 are missing", seen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SourceFailsWhileThePutWaitsForASlot_CancelsThePut()
    {
        using var fixture = new CopierFixture();
        var store = new QueuedPutStore(fixture.Store, Failing.DataKey("lake"));
        var source = new GappySource(fixture.Source, missingLedger: 15);

        CopyRunSummary summary = await fixture.Copier(source: source, store: store).RunAsync(Token);

        Assert.Equal((2, 1), (summary.Written, summary.Failed));
        Assert.Contains("ledgers 15 to 15 are missing", Assert.Single(summary.Problems).Message, StringComparison.Ordinal);
        Assert.True(store.CancelledWhileQueued);
    }
}
