using System.Text.Json.Nodes;
using Bronze.Stellar;

namespace Bronze.Tests.Stellar;

/// <summary>
/// The decoder on vectors built with stellar-base's builders by tools/stellar/make-vectors.mjs (what the real files lack:
/// a v0 ledger with TX_V0 envelopes, fee bumps, all 27 operation types, Soroban calls with values nested 40 deep, a
/// parallel phase, protocol 28's empty-tx-set header arm), against the columns stellar-base read when it built them.
/// </summary>
public sealed class LedgerCloseMetaDecoderVectorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Stellar", "Vectors");

    private static readonly JsonObject Expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!.AsObject();

    public static TheoryData<string> Names() => [.. Expected.Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Decode_Vector_GivesWhatStellarBaseRead(string name)
    {
        byte[] xdr = File.ReadAllBytes(Path.Combine(Folder, name + ".xdr"));
        JsonObject expected = Expected[name]!.AsObject();

        DecodedLedger decoded = LedgerCloseMetaDecoder.Decode(xdr);

        Assert.Null(decoded.CountsUnavailableReason);
        StellarBaseAgreement.AssertSame(decoded.Row, expected);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MeasureLength_Vector_IsItsWholeLength(string name)
    {
        byte[] xdr = File.ReadAllBytes(Path.Combine(Folder, name + ".xdr"));

        Assert.Equal(xdr.Length, LedgerCloseMetaDecoder.MeasureLength(xdr));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DecodeFirst_VectorFollowedByAnother_SameAsMeasureThenDecode(string name)
    {
        byte[] one = Read(name);

        DecodedLedger first = LedgerCloseMetaDecoderFuzzTests.AssertSameAsMeasureThenDecode([.. one, .. Read("v0-protocol19")])!;

        Assert.Equal(one.Length, first.Row.XdrByteLength);
        Assert.Null(first.CountsUnavailableReason);
    }

    /// <summary>The vectors' bytes, for the other tests.</summary>
    internal static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".xdr"));
}
