using System.Security.Cryptography;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Sources;

public sealed class SyntheticLedgerSourceTests
{
    private static readonly DatasetRef Pubnet = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    [Fact]
    public void Create_SameLedgerInTwoSources_GivesTheSameRow()
    {
        var first = new SyntheticLedgerSource();
        var second = new SyntheticLedgerSource();

        LedgerRow a = first.Create(Pubnet, 123_456);
        LedgerRow b = second.Create(Pubnet, 123_456);

        Assert.Equal(a with { XdrBytes = default }, b with { XdrBytes = default });
        Assert.True(a.XdrBytes.Span.SequenceEqual(b.XdrBytes.Span));
    }

    [Fact]
    public void Create_KnownLedger_GivesTheBytesOfEveryEarlierBuild()
    {
        // Output must be stable across builds and processes: a change here rewrites every dataset's bytes. (Changed once,
        // on purpose, when the source started writing real LedgerCloseMeta.)
        LedgerRow row = new SyntheticLedgerSource().Create(Pubnet, 2);

        Assert.Equal("a545bd6517d09f7c156245ff98f398a7d8213c8bebfbce0c4f828e7f07877a7b", row.LedgerHash);
        Assert.Equal("f1c07e3bd62de686d61eff2ffa93e492163d355f936f1dc079230febac74adc9", row.PreviousLedgerHash);
        Assert.Equal("9dd850eae8140d2682b258cdcfb98716f5bc65e9d9326d5a42ec22fdf60d9620", row.XdrSha256);
    }

    [Fact]
    public void Create_OtherNetwork_GivesOtherData()
    {
        var source = new SyntheticLedgerSource();
        var testnet = new DatasetRef("testnet", "pre_p23", "v1", "ledgers_lcm_raw");

        LedgerRow a = source.Create(Pubnet, 500);
        LedgerRow b = source.Create(testnet, 500);

        Assert.NotEqual(a.LedgerHash, b.LedgerHash);
        Assert.NotEqual(a.XdrSha256, b.XdrSha256);
    }

    [Fact]
    public async Task ReadAsync_FirstPartition_StartsAtLedgerOne()
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 512 });

        List<LedgerRow> rows = await source.ReadAsync(Pubnet, 0, 9, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), rows.Select(r => r.LedgerSequence));
        Assert.Equal(9, source.ExpectedRowCount(0, 9));
        Assert.Equal(10, source.ExpectedRowCount(10, 19));
        Assert.Equal(new string('0', 64), rows[0].PreviousLedgerHash);
    }

    [Fact]
    public async Task ReadAsync_ConsecutiveLedgers_ChainHashesAndRiseInTime()
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 512 });

        List<LedgerRow> rows = await source.ReadAsync(Pubnet, 1000, 1199, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        for (int i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].LedgerHash, rows[i].PreviousLedgerHash);
            TimeSpan step = rows[i].CloseTime - rows[i - 1].CloseTime;
            Assert.InRange(step.TotalSeconds, 3, 7);
        }

        Assert.All(rows, r =>
        {
            Assert.Matches("^[0-9a-f]{64}$", r.LedgerHash);
            Assert.Matches("^[0-9a-f]{64}$", r.TxSetHash);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(r.XdrBytes.Span)), r.XdrSha256);
            Assert.Equal(0, r.XdrByteLength % 4);
            Assert.Equal(0, r.CloseTime.Millisecond);
            Assert.True(r.TotalCoins > 0 && r.FeePool >= 0 && r.ProtocolVersion >= 20);
            Assert.True(r.OperationCount >= r.TxCount);
        });
    }

    [Theory]
    [InlineData(SyntheticLedgerOptions.DefaultMeanXdrBytes)]
    [InlineData(2048)]
    public async Task ReadAsync_ManyLedgers_SizesAverageTheMeanAndVary(int mean)
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = mean });

        List<int> sizes = await source.ReadAsync(Pubnet, 50_000, 53_999, TestContext.Current.CancellationToken)
            .Select(r => r.XdrByteLength).ToListAsync(TestContext.Current.CancellationToken);

        Assert.InRange(sizes.Average(), mean * 0.93, mean * 1.07);
        Assert.True(sizes.Max() > mean * 2, "log-normal sizes have a long right tail");
        Assert.True(sizes.Min() < mean / 2);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Stops()
    {
        var source = new SyntheticLedgerSource();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (LedgerRow _ in source.ReadAsync(Pubnet, 1, 10, cancellation.Token))
            {
            }
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(SyntheticLedgerOptions.MaxMeanXdrBytes + 1)]
    public void Constructor_MeanOutOfRange_NamesTheOption(int mean)
    {
        var error = Assert.Throws<BronzeException>(() => new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = mean }));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("xdr_mean_bytes", error.Field);
    }
}
