using System.Security.Cryptography;
using Bronze.Stellar.Xdr;

namespace Bronze.Stellar;

/// <summary>
/// The one place that knows the top of a LedgerCloseMeta: its version, the header (checked against its stated hash) and
/// the transaction set, whose walk gives the counts. Errors become <see cref="BronzeException"/>s naming the ledger.
/// </summary>
internal static class LedgerCloseMetaWalk
{
    /// <summary>Reads the header and, when <paramref name="counts"/>, walks the transaction set to count.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.CorruptData"/>: the bytes are not a LedgerCloseMeta.</exception>
    public static LedgerCloseMetaFacts Read(ReadOnlySpan<byte> xdr, bool counts)
    {
        var r = new XdrReader(xdr);
        LedgerHeaderFields header = ReadHeader(ref r, xdr, out int version);
        if (!counts) return new LedgerCloseMetaFacts { Version = version, Header = header };
        try
        {
            SkipTransactionSet(ref r, version);
            return new LedgerCloseMetaFacts
            {
                Version = version, Header = header, TxCount = r.TransactionCount, OperationCount = r.OperationCount,
            };
        }
        catch (XdrException e) when (e.IsUnknownArm)
        {
            return new LedgerCloseMetaFacts
            {
                Version = version, Header = header,
                CountsUnavailableReason = $"ledger {header.LedgerSeq}: tx_count and operation_count left null: the transaction set's {e.Message} (byte {e.Offset})",
            };
        }
        catch (XdrException e)
        {
            throw Corrupt(header.LedgerSeq, e.Message, e.Offset, xdr.Length, e);
        }
    }

    /// <summary>
    /// Reads the header, walks the transaction set to count, and walks on to the end of the LedgerCloseMeta at the start
    /// of <paramref name="xdr"/> (more may follow): its facts and its <see cref="LedgerCloseMetaFacts.Length"/> in one walk.
    /// </summary>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.CorruptData"/>: it cannot be walked, an unknown arm included (its end cannot be found).
    /// </exception>
    public static LedgerCloseMetaFacts ReadWhole(ReadOnlySpan<byte> xdr)
    {
        var r = new XdrReader(xdr);
        LedgerHeaderFields header = ReadHeader(ref r, xdr, out int version);
        try
        {
            int processed = SkipTransactionSet(ref r, version);
            SkipAfterTransactionSet(ref r, version, processed);
            return new LedgerCloseMetaFacts
            {
                Version = version, Header = header, TxCount = r.TransactionCount, OperationCount = r.OperationCount, Length = r.Position,
            };
        }
        catch (XdrException e)
        {
            throw Corrupt(header.LedgerSeq, e.Message, e.Offset, xdr.Length, e);
        }
    }

    /// <summary>The byte length of the whole LedgerCloseMeta at the start of <paramref name="xdr"/>.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.CorruptData"/>: it cannot be walked.</exception>
    public static int Measure(ReadOnlySpan<byte> xdr)
    {
        var r = new XdrReader(xdr);
        try
        {
            XdrSkip.LedgerCloseMeta(ref r);
            return r.Position;
        }
        catch (XdrException e)
        {
            throw Corrupt(TrySequence(xdr), e.Message, e.Offset, xdr.Length, e);
        }
    }

    // The version, the extension and the header, its hash checked.
    private static LedgerHeaderFields ReadHeader(scoped ref XdrReader r, ReadOnlySpan<byte> xdr, out int version)
    {
        LedgerHeaderFields header;
        try
        {
            version = r.Int32();
            if (version is < 0 or > 2) throw r.UnknownArm("LedgerCloseMeta", version);
            if (version > 0) XdrSkip.LedgerCloseMetaExt(ref r);
            header = LedgerHeaderFields.Read(ref r);
        }
        catch (XdrException e)
        {
            throw Corrupt(null, e.Message, e.Offset, xdr.Length, e);
        }

        CheckHash(header);
        return header;
    }

    // The transaction set (counting into the reader) and the count of txProcessing, which must be one per transaction.
    private static int SkipTransactionSet(ref XdrReader r, int version)
    {
        if (version == 0) XdrSkip.TransactionSet(ref r);
        else XdrSkip.GeneralizedTransactionSet(ref r);
        int processed = r.Count(int.MaxValue);
        if (processed != r.TransactionCount)
        {
            throw r.Failure(
                $"txProcessing holds {processed} results but the transaction set {r.TransactionCount} transactions", r.Position - 4);
        }

        return processed;
    }

    // What follows the txProcessing count in LedgerCloseMetaV0, V1 and V2, field for field as the generated
    // XdrSkip.LedgerCloseMetaV0/V1/V2 walk it (a test holds the two walks to the same length on every vector and ledger).
    private static void SkipAfterTransactionSet(ref XdrReader r, int version, int processed)
    {
        for (int i = 0; i < processed; i++)
        {
            if (version == 2) XdrSkip.TransactionResultMetaV1(ref r);
            else XdrSkip.TransactionResultMeta(ref r);
        }

        for (int i = 0, n = r.Count(int.MaxValue); i < n; i++) XdrSkip.UpgradeEntryMeta(ref r);
        for (int i = 0, n = r.Count(int.MaxValue); i < n; i++) XdrSkip.ScpHistoryEntry(ref r);
        if (version == 0) return;
        r.Skip(8); // the live Soroban state's (V1: the bucket list's) total byte size
        for (int i = 0, n = r.Count(int.MaxValue); i < n; i++) XdrSkip.LedgerKey(ref r);
        if (version == 1)
        {
            for (int i = 0, n = r.Count(int.MaxValue); i < n; i++) XdrSkip.LedgerEntry(ref r);
        }
    }

    // A corrupt-data error naming the ledger, or the offset when the sequence could not be read.
    private static BronzeException Corrupt(uint? sequence, string detail, int offset, int length, Exception? inner = null)
    {
        string where = sequence is { } s
            ? $"Ledger {s}: its LedgerCloseMeta XDR is corrupt at byte {offset} of {length}"
            : $"LedgerCloseMeta XDR is corrupt at byte {offset} of {length} (the ledger sequence cannot be read)";
        return new BronzeException(BronzeErrorKind.CorruptData, $"{where}: {detail}.", innerException: inner);
    }

    private static uint? TrySequence(ReadOnlySpan<byte> xdr)
    {
        var r = new XdrReader(xdr);
        try
        {
            if (r.Int32() > 0) XdrSkip.LedgerCloseMetaExt(ref r);
            return LedgerHeaderFields.Read(ref r).LedgerSeq;
        }
        catch (XdrException)
        {
            return null;
        }
    }

    private static void CheckHash(in LedgerHeaderFields header)
    {
        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(header.HeaderXdr, actual);
        if (actual.SequenceEqual(header.Hash)) return;
        throw new BronzeException(
            BronzeErrorKind.CorruptData,
            $"Ledger {header.LedgerSeq}: ledger_hash {Convert.ToHexStringLower(header.Hash)} is not the SHA-256 of its LedgerHeader XDR "
            + $"({Convert.ToHexStringLower(actual)}): the LedgerCloseMeta is corrupt.");
    }
}
