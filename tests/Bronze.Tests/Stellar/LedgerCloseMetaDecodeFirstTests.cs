using Bronze.Errors;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;

namespace Bronze.Tests.Stellar;

/// <summary>
/// <see cref="LedgerCloseMetaDecoder.DecodeFirst"/> walks once what <see cref="LedgerCloseMetaDecoder.MeasureLength"/>
/// (the generated walker of the whole LedgerCloseMeta) and <see cref="LedgerCloseMetaDecoder.Decode"/> walk in two: every
/// input here must give the same row and length, or fail in both, so the hand-written top of the one walk cannot drift
/// from the generated one.
/// </summary>
public sealed class LedgerCloseMetaDecodeFirstTests
{
    private static readonly string[] VectorNames = ["v0-protocol19", "v1-protocol21", "v2-protocol23", "v2-protocol28-empty-tx-set-arm"];

    public static TheoryData<string> Vectors() => [.. VectorNames];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DecodeFirst_VectorFollowedByAnother_SameAsMeasureThenDecode(string name)
    {
        byte[] one = LedgerCloseMetaDecoderVectorTests.Read(name);

        DecodedLedger first = AssertSameAsMeasureThenDecode([.. one, .. LedgerCloseMetaDecoderVectorTests.Read(VectorNames[0])])!;

        Assert.Equal(one.Length, first.Row.XdrByteLength);
        Assert.Null(first.CountsUnavailableReason);
    }

    [Theory]
    [MemberData(nameof(RealLedgers.Names), MemberType = typeof(RealLedgers))]
    public void DecodeFirst_RealLedgerFollowedByItself_SameAsMeasureThenDecode(string name)
    {
        byte[] one = RealLedgers.Get(name);

        DecodedLedger first = AssertSameAsMeasureThenDecode([.. one, .. one])!;

        Assert.Equal(one.Length, first.Row.XdrByteLength);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DecodeFirst_EveryTruncation_FailsAsCorruptData(string name)
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read(name);

        for (int length = 0; length < xdr.Length; length++)
        {
            var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.DecodeFirst(xdr.AsMemory(0, length)));
            Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        }
    }

    [Fact]
    public void DecodeFirst_RandomByteFlips_SameAsMeasureThenDecode()
    {
        var dataset = new DatasetRef("pubnet", "p23_plus", "v1", "ledgers_lcm_raw");
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 2048 });
        byte[][] ledgers =
        [
            .. VectorNames.Select(LedgerCloseMetaDecoderVectorTests.Read),
            .. Enumerable.Range(1, 20).Select(i => source.Create(dataset, i).XdrBytes.ToArray()),
        ];
        var random = new Random(20261130);

        for (int trial = 0; trial < 5_000; trial++)
        {
            byte[] xdr = [.. ledgers[trial % ledgers.Length]];
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++) xdr[random.Next(xdr.Length)] ^= (byte)(1 << random.Next(8));

            AssertSameAsMeasureThenDecode(xdr);
        }
    }

    [Fact]
    public void DecodeFirst_TruncatedAtTheEnd_NamesTheLedger()
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read("v2-protocol23");

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.DecodeFirst(xdr.AsMemory(0, xdr.Length - 1)));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.StartsWith($"Ledger {LedgerCloseMetaDecoder.Decode(xdr).Row.LedgerSequence}: its LedgerCloseMeta XDR is corrupt at byte", error.Message, StringComparison.Ordinal);
    }

    // The one-walk result against the two-walk one: both decode to the same row (the same bytes, not a copy), or both fail as corrupt.
    private static DecodedLedger? AssertSameAsMeasureThenDecode(byte[] xdr)
    {
        DecodedLedger? expected = null, actual = null;
        BronzeException? expectedError = null, actualError = null;
        try
        {
            expected = LedgerCloseMetaDecoder.Decode(xdr.AsMemory(0, LedgerCloseMetaDecoder.MeasureLength(xdr)));
        }
        catch (BronzeException e)
        {
            expectedError = e;
        }

        try
        {
            actual = LedgerCloseMetaDecoder.DecodeFirst(xdr);
        }
        catch (BronzeException e)
        {
            actualError = e;
        }

        Assert.True((expectedError is null) == (actualError is null), $"two walks: {expectedError?.Message ?? "decoded"}; one walk: {actualError?.Message ?? "decoded"}");
        if (expectedError is not null)
        {
            Assert.Equal((BronzeErrorKind.CorruptData, BronzeErrorKind.CorruptData), (expectedError.Kind, actualError!.Kind));
            return null;
        }

        Assert.Equal(expected, actual);
        return actual;
    }
}
