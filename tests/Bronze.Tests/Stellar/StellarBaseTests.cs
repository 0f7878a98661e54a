using System.Text.Json.Nodes;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;
using Bronze.Testing;

namespace Bronze.Tests.Stellar;

/// <summary>Bronze's decoder against stellar-base, an independent decoder, on real and synthetic ledgers.</summary>
public sealed class StellarBaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decode_RealLedgers_AgreesWithStellarBase()
    {
        var ledgers = RealLedgers.All();

        IReadOnlyList<JsonObject> reference = await StellarBase.DescribeAsync(ledgers.Select(l => (ReadOnlyMemory<byte>)l.Xdr), Ct);

        Assert.Equal(ledgers.Count, reference.Count);
        for (int i = 0; i < ledgers.Count; i++) StellarBaseAgreement.AssertSame(LedgerCloseMetaDecoder.Decode(ledgers[i].Xdr).Row, reference[i]);
    }

    [Theory]
    [InlineData("pre_p23", 1)]
    [InlineData("p23_plus", 57_000_000)]
    public async Task ReadAsync_SyntheticLedgers_AgreeWithStellarBase(string era, long first)
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 4096 });
        var dataset = new DatasetRef("pubnet", era, "v1", "ledgers_lcm_raw");
        List<LedgerRow> rows = await source.ReadAsync(dataset, first, first + 1499, Ct).ToListAsync(Ct);

        IReadOnlyList<JsonObject> reference = await StellarBase.DescribeAsync(rows.Select(r => r.XdrBytes), Ct);

        Assert.Equal(rows.Count, reference.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            StellarBaseAgreement.AssertSame(rows[i], reference[i]);
            Assert.Equal(rows[i].XdrByteLength, LedgerCloseMetaDecoder.MeasureLength(rows[i].XdrBytes.Span));
        }
    }
}
