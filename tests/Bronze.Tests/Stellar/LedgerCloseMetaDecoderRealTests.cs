using System.Security.Cryptography;
using Bronze.Stellar;

namespace Bronze.Tests.Stellar;

/// <summary>The decoder on real LedgerCloseMeta written by stellar-core (facts from shared/data/stellar's README).</summary>
public sealed class LedgerCloseMetaDecoderRealTests
{
    [Theory]
    [MemberData(nameof(RealLedgers.Names), MemberType = typeof(RealLedgers))]
    public void MeasureLength_RealLedger_IsItsWholeLength(string name)
    {
        byte[] xdr = RealLedgers.Get(name);

        Assert.Equal(xdr.Length, LedgerCloseMetaDecoder.MeasureLength(xdr));
    }

    [Fact]
    public void Decode_TestnetLedgers_GiveHeaderFieldsAndChain()
    {
        DecodedLedger[] ledgers = [.. RealLedgers.BatchFiles.Select(f => LedgerCloseMetaDecoder.Decode(RealLedgers.Get(f)))];

        Assert.Equal([997L, 998L, 999L], ledgers.Select(l => l.Row.LedgerSequence));
        Assert.All(ledgers, l => Assert.Equal(20, l.Row.ProtocolVersion));
        Assert.Equal(DateTimeOffset.Parse("2024-02-06T19:00:49Z", System.Globalization.CultureInfo.InvariantCulture), ledgers[2].Row.CloseTime);
        Assert.Equal(ledgers[0].Row.LedgerHash, ledgers[1].Row.PreviousLedgerHash);
        Assert.Equal(ledgers[1].Row.LedgerHash, ledgers[2].Row.PreviousLedgerHash);
        Assert.All(ledgers, l => Assert.Null(l.CountsUnavailableReason));
    }

    [Fact]
    public void Decode_V25LoadTest_CountsEveryTransactionAndOperation()
    {
        DecodedLedger[] ledgers = [.. RealLedgers.All().Where(l => l.Name.Contains("v25", StringComparison.Ordinal))
            .Select(l => LedgerCloseMetaDecoder.Decode(l.Xdr))];

        Assert.Equal(30, ledgers.Length);
        Assert.Equal(Enumerable.Range(10048, 30).Select(s => (long)s), ledgers.Select(l => l.Row.LedgerSequence));
        Assert.Equal(7_740, ledgers.Sum(l => l.Row.TxCount));
        Assert.Equal(7_740, ledgers.Sum(l => l.Row.OperationCount));
        Assert.All(ledgers, l => Assert.Equal(25, l.Row.ProtocolVersion));
    }

    [Theory]
    [MemberData(nameof(RealLedgers.Names), MemberType = typeof(RealLedgers))]
    public void Decode_RealLedger_KeepsBytesAndTheirSha256(string name)
    {
        byte[] xdr = RealLedgers.Get(name);

        DecodedLedger ledger = LedgerCloseMetaDecoder.Decode(xdr);

        Assert.True(ledger.Row.XdrBytes.Span.SequenceEqual(xdr));
        Assert.Equal(xdr.Length, ledger.Row.XdrByteLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xdr)), ledger.Row.XdrSha256);
    }

    [Theory]
    [MemberData(nameof(RealLedgers.Names), MemberType = typeof(RealLedgers))]
    public void DecodeFirst_RealLedgerFollowedByItself_SameAsMeasureThenDecode(string name)
    {
        byte[] one = RealLedgers.Get(name);

        DecodedLedger first = LedgerCloseMetaDecoderFuzzTests.AssertSameAsMeasureThenDecode([.. one, .. one])!;

        Assert.Equal(one.Length, first.Row.XdrByteLength);
    }
}
