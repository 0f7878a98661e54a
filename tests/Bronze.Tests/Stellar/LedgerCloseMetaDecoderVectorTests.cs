using System.Globalization;
using System.Text.Json.Nodes;
using Bronze.Sources;
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

        LedgerRow row = decoded.Row;
        Assert.Null(decoded.CountsUnavailableReason);
        Assert.Equal(Text(expected, "ledger_sequence"), row.LedgerSequence.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "ledger_hash"), row.LedgerHash);
        Assert.Equal(Text(expected, "previous_ledger_hash"), row.PreviousLedgerHash);
        Assert.Equal(Text(expected, "close_time"), row.CloseTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "protocol_version"), row.ProtocolVersion.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "total_coins"), row.TotalCoins.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "fee_pool"), row.FeePool.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "tx_set_hash"), row.TxSetHash);
        Assert.Equal(Text(expected, "tx_count"), row.TxCount?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "operation_count"), row.OperationCount?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "xdr_byte_length"), row.XdrByteLength.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Text(expected, "xdr_sha256"), row.XdrSha256);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MeasureLength_Vector_IsItsWholeLength(string name)
    {
        byte[] xdr = File.ReadAllBytes(Path.Combine(Folder, name + ".xdr"));

        Assert.Equal(xdr.Length, LedgerCloseMetaDecoder.MeasureLength(xdr));
    }

    /// <summary>The vectors' bytes, for the other tests.</summary>
    internal static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".xdr"));

    private static string Text(JsonObject expected, string name) => expected[name]!.ToString();
}
