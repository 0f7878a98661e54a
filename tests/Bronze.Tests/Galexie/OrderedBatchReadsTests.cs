using Bronze.Galexie;
using Bronze.Sources;
using Bronze.Storage;
using Bronze.Testing.Galexie;

namespace Bronze.Tests.Galexie;

public sealed class OrderedBatchReadsTests
{
    private static async Task<(LakeFixture Lake, ScriptedLakeStore Store)> StandaloneLakeAsync(Func<string, bool>? failOnce = null)
    {
        RealLedgers.Require();
        var lake = new LakeFixture();
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 1, 1), RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd"));
        return (lake, new ScriptedLakeStore(new LocalStore(lake.Root)) { FailOnce = failOnce ?? (_ => false) });
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<LedgerRow>> ReadAllAsync(IObjectStore store, GalexieSourceOptions options)
    {
        CancellationToken cancellationToken = Token;
        var source = new GalexieLedgerSource(await GalexieLake.OpenAsync(store, cancellationToken), options);
        var rows = new List<LedgerRow>();
        await foreach (LedgerRow row in source.ReadAsync(LakeFixture.Standalone, 10_048, 10_077, cancellationToken)) rows.Add(row);
        return rows;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(32)]
    public async Task ReadAsync_ReadsFinishingOutOfOrder_YieldsInOrderWithAtMostTheReadsInFlightAsked(int reads)
    {
        (LakeFixture lake, ScriptedLakeStore store) = await StandaloneLakeAsync();
        using (lake)
        {
            List<LedgerRow> rows = await ReadAllAsync(store, new GalexieSourceOptions { MaxReadsInFlight = reads, MaxBytesAhead = 1L << 30 });

            Assert.Equal(Enumerable.Range(10_048, 30).Select(i => (long)i), rows.Select(r => r.LedgerSequence));
            Assert.InRange(store.MaxInFlight, 1, reads);
            if (reads > 1) Assert.True(store.MaxInFlight > 1, "reads must overlap");
        }
    }

    [Fact]
    public async Task ReadAsync_LargeBatches_KeepsFewReadsInFlightToBoundMemory()
    {
        (LakeFixture lake, ScriptedLakeStore store) = await StandaloneLakeAsync();
        using (lake)
        {
            // Each ledger is about 1.15 MB: 2 MiB ahead allows one batch in flight (and the first few before sizes are known).
            await ReadAllAsync(store, new GalexieSourceOptions { MaxReadsInFlight = 32, MaxBytesAhead = 2L << 20 });

            Assert.InRange(store.MaxInFlight, 1, 4);
        }
    }

    [Fact]
    public async Task ReadAsync_TransientFailures_AreRetried()
    {
        (LakeFixture lake, ScriptedLakeStore store) = await StandaloneLakeAsync(key => key.Contains("--1005", StringComparison.Ordinal));
        using (lake)
        {
            List<LedgerRow> rows = await ReadAllAsync(store, new GalexieSourceOptions { RetryDelay = TimeSpan.FromMilliseconds(1) });

            Assert.Equal(30, rows.Count);
            Assert.Equal(30 + 10 + 2, store.Opens); // 10050-10059 failed once each; .config.json; 10047, absent, read for the chain check
        }
    }

    [Fact]
    public async Task ReadAsync_TransientFailuresBeyondTheAttempts_FailNamingTheKey()
    {
        (LakeFixture lake, ScriptedLakeStore store) = await StandaloneLakeAsync(key => key.Contains("--10060", StringComparison.Ordinal));
        using (lake)
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() =>
                ReadAllAsync(store, new GalexieSourceOptions { MaxAttempts = 1, RetryDelay = TimeSpan.Zero }));

            Assert.Contains("--10060.xdr.zst", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, store.InFlight);
        }
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_LeavesNoReadInFlight()
    {
        (LakeFixture lake, ScriptedLakeStore store) = await StandaloneLakeAsync();
        using (lake)
        {
            var source = new GalexieLedgerSource(await GalexieLake.OpenAsync(store, Token), new GalexieSourceOptions { MaxReadsInFlight = 16, MaxBytesAhead = 1L << 30 });
            await foreach (LedgerRow row in source.ReadAsync(LakeFixture.Standalone, 10_048, 10_077, Token))
            {
                if (row.LedgerSequence == 10_049) break;
            }

            Assert.Equal(0, store.InFlight);
            Assert.True(store.Opens < 30, "stopping early must not read the whole range");
        }
    }
}
