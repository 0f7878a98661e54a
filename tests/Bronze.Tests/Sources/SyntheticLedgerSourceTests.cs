using System.Security.Cryptography;
using Bronze.Errors;
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
        // Output must be stable across builds and processes: a change here rewrites every dataset's bytes.
        LedgerRow row = new SyntheticLedgerSource().Create(Pubnet, 2);

        Assert.Equal("225e086cca4aa8c62db964a8430b0ebb3052ec197001652a798ecb342bb0342a", row.LedgerHash);
        Assert.Equal("0a1398c9c073c37b3686660d81a65347b713f6554d2e9a30da4148508c08ad6b", row.PreviousLedgerHash);
        Assert.Equal("bcab037bfddb17640aa0025c86cf8f9058dedc60f8670e648a6600980ba3f20c", row.XdrSha256);
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
            Assert.True(r.TotalCoins > 0 && r.FeePool >= 0 && r.ProtocolVersion >= 1);
            Assert.True(r.OperationCount is null || r.TxCount is null || r.OperationCount >= r.TxCount);
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
    public async Task ReadAsync_ManyLedgers_SometimesLacksCounts()
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 256 });

        List<LedgerRow> rows = await source.ReadAsync(Pubnet, 1, 2000, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.InRange(rows.Count(r => r.TxCount is null), 10, 100);
        Assert.InRange(rows.Count(r => r.OperationCount is null), 10, 100);
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
