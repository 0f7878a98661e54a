using System.Buffers.Binary;
using Bronze.Stellar;

namespace Bronze.Tests.Stellar;

/// <summary>Corrupt and hostile LedgerCloseMeta bytes: each a <see cref="BronzeErrorKind.CorruptData"/> naming the ledger.</summary>
public sealed class LedgerCloseMetaDecoderCorruptTests
{
    private static byte[] Ledger999() => RealLedgers.Get("FFFFFC18--999.xdr.zst");

    [Fact]
    public void Decode_Empty_NamesTheOffset()
    {
        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.Decode(Array.Empty<byte>()));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("at byte 0 of 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownVersion_NamesTheArm()
    {
        byte[] xdr = Ledger999();
        BinaryPrimitives.WriteInt32BigEndian(xdr, 3);

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.Decode(xdr));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("LedgerCloseMeta has arm 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderByteFlipped_FailsTheHashCheck()
    {
        byte[] xdr = Ledger999();
        xdr[8 + 32 + 200] ^= 1; // inside the LedgerHeader, after the version and its ext

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.Decode(xdr));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("is not the SHA-256 of its LedgerHeader XDR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedInTransactionSet_NamesTheLedger()
    {
        byte[] xdr = Ledger999()[..1000];

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.Decode(xdr));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.StartsWith("Ledger 999: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureLength_TruncatedAtTheEnd_NamesTheLedger()
    {
        byte[] xdr = Ledger999()[..^4];

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.StartsWith("Ledger 999: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureLength_TruncatedInHeader_NamesTheOffset()
    {
        byte[] xdr = Ledger999()[..100];

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr));

        Assert.Contains("the ledger sequence cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureLength_FollowedByMore_MeasuresOnlyTheFirst()
    {
        byte[] one = Ledger999();
        byte[] two = [.. one, .. one];

        Assert.Equal(one.Length, LedgerCloseMetaDecoder.MeasureLength(two));
    }

    [Fact]
    public void DecodeFirst_TruncatedAtTheEnd_NamesTheLedger()
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read("v2-protocol23");

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.DecodeFirst(xdr.AsMemory(0, xdr.Length - 1)));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.StartsWith($"Ledger {LedgerCloseMetaDecoder.Decode(xdr).Row.LedgerSequence}: its LedgerCloseMeta XDR is corrupt at byte", error.Message, StringComparison.Ordinal);
    }
}
