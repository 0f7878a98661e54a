using System.Security.Cryptography;
using Bronze.Sources;
using Bronze.Stellar.Xdr;

namespace Bronze.Stellar;

/// <summary>
/// Decodes Stellar <c>LedgerCloseMeta</c> XDR (versions 0, 1 and 2: protocols up to 19, 20-22, 23 and later) into the
/// columns of <c>ledgers_lcm_raw</c>. No Stellar package exists for .NET, so Bronze walks the XDR itself: the header is
/// read field by field, the transaction set is walked by structure to count transactions and operations, without
/// allocating per value.
/// </summary>
/// <remarks>Thread-safe: every method is a pure function of its input.</remarks>
public static class LedgerCloseMetaDecoder
{
    /// <summary>
    /// Decodes one LedgerCloseMeta (the whole of <paramref name="xdr"/>) into the table's row: header fields,
    /// <c>tx_count</c> (the transaction set's transactions, failed ones too), <c>operation_count</c> (their operations, a
    /// fee bump counting its inner transaction's), the XDR unchanged with its length and SHA-256. The header's stated
    /// <c>ledger_hash</c> must be the SHA-256 of its <c>LedgerHeader</c> XDR.
    /// </summary>
    /// <remarks>
    /// A union arm this build does not know inside the transaction set (a newer operation type, say) is not an error: the
    /// counts are null and <see cref="DecodedLedger.CountsUnavailableReason"/> says why. What follows the transaction set
    /// (results and meta) is not walked; <see cref="MeasureLength"/> walks everything.
    /// </remarks>
    /// <param name="xdr">The LedgerCloseMeta XDR; the row keeps this memory, it is not copied.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.CorruptData"/>: the bytes are truncated, a length runs past the end or over its limit, a
    /// union arm is out of range in the header, values nest too deep, the hash does not match, or the results do not match
    /// the transaction set. The message names the ledger sequence, or the byte offset when even that cannot be read.
    /// </exception>
    public static DecodedLedger Decode(ReadOnlyMemory<byte> xdr) => ToDecoded(xdr, LedgerCloseMetaWalk.Read(xdr.Span, counts: true));

    /// <summary>
    /// Decodes the LedgerCloseMeta that starts at the beginning of <paramref name="xdr"/> (a <c>LedgerCloseMetaBatch</c>
    /// holds them back to back with no length of their own) and finds where it ends, in one walk: what
    /// <see cref="MeasureLength"/> and then <see cref="Decode"/> on the measured bytes give, for one walk's work. The
    /// row's <see cref="LedgerRow.XdrBytes"/> is exactly that LedgerCloseMeta, so <see cref="LedgerRow.XdrByteLength"/> is
    /// where the next one starts.
    /// </summary>
    /// <remarks>
    /// Every value is walked, so a union arm this build does not know is an error here, as for
    /// <see cref="MeasureLength"/>: the end of the LedgerCloseMeta cannot be found past it. The counts are therefore
    /// always set and <see cref="DecodedLedger.CountsUnavailableReason"/> is <see langword="null"/>.
    /// </remarks>
    /// <param name="xdr">Bytes that start with a LedgerCloseMeta; more may follow it. The row keeps a slice of this memory.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.CorruptData"/>: the LedgerCloseMeta cannot be walked (truncated, a length past the end or
    /// over its limit, a union arm this build does not know, values nested too deep), its hash does not match, or its
    /// results do not match its transaction set. The message names the ledger sequence, or the byte offset when even that
    /// cannot be read.
    /// </exception>
    public static DecodedLedger DecodeFirst(ReadOnlyMemory<byte> xdr)
    {
        LedgerCloseMetaFacts facts = LedgerCloseMetaWalk.ReadWhole(xdr.Span);
        return ToDecoded(xdr[..facts.Length], facts);
    }

    /// <summary>
    /// The byte length of the LedgerCloseMeta that starts at the beginning of <paramref name="xdr"/> (a
    /// <c>LedgerCloseMetaBatch</c> holds them back to back with no length of their own): one structural walk of every
    /// value, no allocation.
    /// </summary>
    /// <param name="xdr">Bytes that start with a LedgerCloseMeta; more may follow it.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.CorruptData"/>: the LedgerCloseMeta cannot be walked (truncated, a length past the end
    /// or over its limit, a union arm this build does not know, values nested too deep); the message names the ledger
    /// sequence, or the byte offset when that cannot be read.
    /// </exception>
    public static int MeasureLength(ReadOnlySpan<byte> xdr) => LedgerCloseMetaWalk.Measure(xdr);

    private static DecodedLedger ToDecoded(ReadOnlyMemory<byte> xdr, in LedgerCloseMetaFacts facts)
    {
        LedgerHeaderFields header = facts.Header;
        if (header.CloseTime > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw OutOfRange(header.LedgerSeq, $"scpValue.closeTime {header.CloseTime} is past the year 9999");
        if (header.LedgerVersion > int.MaxValue)
            throw OutOfRange(header.LedgerSeq, $"ledgerVersion {header.LedgerVersion} is over {int.MaxValue}");

        var row = new LedgerRow
        {
            LedgerSequence = header.LedgerSeq,
            LedgerHash = Convert.ToHexStringLower(header.Hash),
            PreviousLedgerHash = Convert.ToHexStringLower(header.PreviousLedgerHash),
            CloseTime = DateTimeOffset.FromUnixTimeSeconds((long)header.CloseTime),
            ProtocolVersion = (int)header.LedgerVersion,
            TotalCoins = header.TotalCoins,
            FeePool = header.FeePool,
            TxSetHash = Convert.ToHexStringLower(header.TxSetHash),
            TxCount = facts.TxCount,
            OperationCount = facts.OperationCount,
            XdrBytes = xdr,
            XdrSha256 = Convert.ToHexStringLower(SHA256.HashData(xdr.Span)),
        };
        return new DecodedLedger(row, facts.CountsUnavailableReason);
    }

    // The header hashed correctly, so a value no column can hold was written so, not damaged on the way.
    private static BronzeException OutOfRange(uint sequence, string what) =>
        new(BronzeErrorKind.CorruptData, $"Ledger {sequence}: {what}, which the ledgers_lcm_raw column cannot hold.");
}
