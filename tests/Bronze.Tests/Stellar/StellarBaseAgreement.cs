using System.Globalization;
using System.Text.Json.Nodes;
using Bronze.Sources;

namespace Bronze.Tests.Stellar;

/// <summary>
/// Checks that every column Bronze derives from a ledger equals what stellar-base reads from the same bytes (live, from
/// tools/stellar/decode.mjs, or recorded when it built the test vectors; the live reading adds the checks of the
/// re-encoded header, the results' count and the round trip).
/// </summary>
internal static class StellarBaseAgreement
{
    public static void AssertSame(LedgerRow row, JsonObject reference)
    {
        string at = $"ledger {row.LedgerSequence}";
        Assert.True(Get(reference, "ledger_sequence") == row.LedgerSequence.ToString(CultureInfo.InvariantCulture), at);
        Assert.Equal(Get(reference, "ledger_hash"), row.LedgerHash);
        Assert.Equal(Get(reference, "previous_ledger_hash"), row.PreviousLedgerHash);
        Assert.Equal(Get(reference, "close_time"), row.CloseTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "protocol_version"), row.ProtocolVersion.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "total_coins"), row.TotalCoins.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "fee_pool"), row.FeePool.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "tx_set_hash"), row.TxSetHash);
        Assert.Equal(Get(reference, "tx_count"), row.TxCount?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "operation_count"), row.OperationCount?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "xdr_byte_length"), row.XdrByteLength.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Get(reference, "xdr_sha256"), row.XdrSha256);
        if (!reference.ContainsKey("reencoded_equal")) return;
        Assert.Equal(Get(reference, "header_sha256"), row.LedgerHash);
        Assert.Equal(Get(reference, "tx_processing_count"), row.TxCount?.ToString(CultureInfo.InvariantCulture));
        Assert.True(reference["reencoded_equal"]!.GetValue<bool>(), $"{at}: stellar-base re-encodes it to other bytes");
    }

    private static string Get(JsonObject reference, string name) => reference[name]!.ToString();
}
