using System.Runtime.CompilerServices;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Copier;

public sealed class ReadAheadRowsTests
{
    private static readonly DatasetRef Dataset = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");
    private static readonly SyntheticLedgerSource Source = new(new SyntheticLedgerOptions { MeanXdrBytes = 4096 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enumerate_ManyBatches_YieldsTheSourceRowsInOrder()
    {
        List<LedgerRow> direct = await Source.ReadAsync(Dataset, 1, 1000, Ct).ToListAsync(Ct);

        List<LedgerRow> ahead = await new ReadAheadRows(Source.ReadAsync(Dataset, 1, 1000, Ct)).ToListAsync(Ct);

        Assert.Equal(direct.Select(r => (r.LedgerSequence, r.XdrSha256)), ahead.Select(r => (r.LedgerSequence, r.XdrSha256)));
    }

    [Fact]
    public async Task Enumerate_SourceFailsMidway_ThrowsTheSourcesOwnErrorAfterTheRowsBeforeIt()
    {
        var failure = new BronzeException(BronzeErrorKind.Failure, "upstream went away");
        var seen = new List<long>();

        var error = await Assert.ThrowsAsync<BronzeException>(async () =>
        {
            await foreach (LedgerRow row in new ReadAheadRows(Failing(300, failure)).WithCancellation(Ct)) seen.Add(row.LedgerSequence);
        });

        Assert.Same(failure, error);
        Assert.Equal(Enumerable.Range(1, 299).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task Enumerate_ConsumerWaits_SourceRunsOnlyABoundedWayAhead()
    {
        var counted = new CountingSource();
        await using IAsyncEnumerator<LedgerRow> rows = new ReadAheadRows(counted.ReadAsync(Ct)).GetAsyncEnumerator(Ct);

        Assert.True(await rows.MoveNextAsync());
        await Task.Delay(300, Ct);

        // 4 batches waiting, one being filled, and the one the consumer holds: at most 6 x 64 rows.
        Assert.InRange(counted.Produced, 64, 6 * 64);
    }

    [Fact]
    public async Task Enumerate_ConsumerStopsEarly_StopsTheSource()
    {
        var counted = new CountingSource();
        await foreach (LedgerRow row in new ReadAheadRows(counted.ReadAsync(Ct)).WithCancellation(Ct))
        {
            if (row.LedgerSequence == 10) break;
        }

        Assert.True(counted.Stopped, "the source's enumeration should have ended when the consumer stopped");
        int produced = counted.Produced;
        await Task.Delay(100, Ct);
        Assert.Equal(produced, counted.Produced);
    }

    [Fact(Timeout = 30_000)] // a read-ahead that ignored the token would read its endless source forever
    public async Task Enumerate_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var counted = new CountingSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            // The source gets the test's token, not the cancelled one: only the read-ahead can stop it.
            await foreach (LedgerRow row in new ReadAheadRows(counted.ReadAsync(Ct)).WithCancellation(cancel.Token))
            {
                if (row.LedgerSequence == 100) await cancel.CancelAsync();
            }
        });
        Assert.True(counted.Stopped);
    }

    private static async IAsyncEnumerable<LedgerRow> Failing(long failAt, Exception failure)
    {
        await foreach (LedgerRow row in Source.ReadAsync(Dataset, 1, failAt, TestContext.Current.CancellationToken))
        {
            if (row.LedgerSequence == failAt) throw failure;
            yield return row;
        }
    }

    /// <summary>An endless source that counts what it produced and notes when its enumeration ended.</summary>
    private sealed class CountingSource
    {
        private int _produced;

        public int Produced => Volatile.Read(ref _produced);

        public bool Stopped { get; private set; }

        public async IAsyncEnumerable<LedgerRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                for (long sequence = 1; ; sequence++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    Interlocked.Increment(ref _produced);
                    yield return Source.Create(Dataset, sequence);
                }
            }
            finally
            {
                Stopped = true;
            }
        }
    }
}
