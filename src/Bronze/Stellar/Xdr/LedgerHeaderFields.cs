namespace Bronze.Stellar.Xdr;

/// <summary>
/// What the decoder takes from a <c>LedgerHeaderHistoryEntry</c>: the stated hash, the header's own bytes (whose SHA-256
/// must equal it) and the fields that become columns. Hashes are slices of the input, not copies.
/// </summary>
internal readonly ref struct LedgerHeaderFields
{
    public required ReadOnlySpan<byte> Hash { get; init; }

    public required ReadOnlySpan<byte> HeaderXdr { get; init; }

    public required uint LedgerVersion { get; init; }

    public required ReadOnlySpan<byte> PreviousLedgerHash { get; init; }

    public required ReadOnlySpan<byte> TxSetHash { get; init; }

    public required ulong CloseTime { get; init; }

    public required uint LedgerSeq { get; init; }

    public required long TotalCoins { get; init; }

    public required long FeePool { get; init; }

    /// <summary>Reads a <c>LedgerHeaderHistoryEntry</c>.</summary>
    public static LedgerHeaderFields Read(scoped ref XdrReader r)
    {
        ReadOnlySpan<byte> hash = r.Bytes(32);
        int headerStart = r.Position;
        uint version = r.UInt32();
        ReadOnlySpan<byte> previous = r.Bytes(32);
        ReadOnlySpan<byte> txSetHash = r.Bytes(32);
        ulong closeTime = r.UInt64();
        int upgrades = r.Count(6);
        for (int i = 0; i < upgrades; i++) r.SkipOpaque(128);
        StellarValueExt(ref r);
        r.Skip(64); // txSetResultHash, bucketListHash
        uint sequence = r.UInt32();
        long totalCoins = (long)r.UInt64();
        long feePool = (long)r.UInt64();
        r.Skip(4 + 8 + 4 + 4 + 4 + (4 * 32)); // inflationSeq, idPool, baseFee, baseReserve, maxTxSetSize, skipList
        int ext = r.Int32();
        switch (ext)
        {
            case 0:
                break;
            case 1: // LedgerHeaderExtensionV1: flags, then its own empty extension
                r.Skip(4);
                int inner = r.Int32();
                if (inner != 0) throw r.UnknownArm("LedgerHeaderExtensionV1Ext", inner);
                break;
            default:
                throw r.UnknownArm("LedgerHeaderExt", ext);
        }

        int headerEnd = r.Position;
        int entryExt = r.Int32();
        if (entryExt != 0) throw r.UnknownArm("LedgerHeaderHistoryEntryExt", entryExt);
        return new LedgerHeaderFields
        {
            Hash = hash,
            HeaderXdr = r.Slice(headerStart, headerEnd - headerStart),
            LedgerVersion = version,
            PreviousLedgerHash = previous,
            TxSetHash = txSetHash,
            CloseTime = closeTime,
            LedgerSeq = sequence,
            TotalCoins = totalCoins,
            FeePool = feePool,
        };
    }

    // StellarValue.ext: basic, signed, or protocol 28's STELLAR_VALUE_EMPTY_TX_SET (the proposed value the empty set
    // replaced: txSetHash, previousLedgerHash, previousLedgerVersion, then the signature).
    private static void StellarValueExt(ref XdrReader r)
    {
        int arm = r.Int32();
        switch (arm)
        {
            case 0:
                break;
            case 1:
                LedgerCloseValueSignature(ref r);
                break;
            case 2:
                r.Skip(32 + 32 + 4);
                LedgerCloseValueSignature(ref r);
                break;
            default:
                throw r.UnknownArm("StellarValueExt", arm);
        }
    }

    private static void LedgerCloseValueSignature(ref XdrReader r)
    {
        int keyType = r.Int32();
        if (keyType != 0) throw r.UnknownArm("PublicKey", keyType);
        r.Skip(32);
        r.SkipOpaque(64);
    }
}
