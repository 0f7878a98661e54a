using System.Buffers.Binary;

namespace Bronze.Sources.Synthetic;

/// <summary>
/// Composes one synthetic <c>LedgerCloseMeta</c>: v1 (protocols 20-22: two phases of transaction components) or v2
/// (23 and later: a classic phase and a parallel Soroban phase of clusters), a header chained to the previous ledger's,
/// and transactions until the wanted size, each with its result and meta in <c>txProcessing</c>.
/// </summary>
internal static class SyntheticLedger
{
    private const int BaseFee = 100;
    private const int MaxClusters = 4;

    [ThreadStatic]
    private static Buffers? _buffers;

    /// <summary>Returns the ledger's XDR and writes its header's hash into <paramref name="hash"/>.</summary>
    public static byte[] Compose(ulong chainSeed, bool p23Plus, long sequence, ReadOnlySpan<byte> previousHash, int targetBytes, Span<byte> hash)
    {
        Buffers b = _buffers ??= new Buffers();
        b.Clear();
        Span<byte> header = stackalloc byte[SyntheticHeader.Length];
        SyntheticHeader.Write(chainSeed, p23Plus, sequence, previousHash, header, hash);
        long closeTime = (long)BinaryPrimitives.ReadUInt64BigEndian(header[(4 + 32 + 32)..]);
        var random = new SplitMix64(SplitMix64.Mix(chainSeed ^ 0x424F4459UL, (ulong)sequence));

        int fixedBytes = 4 + 16 + 32 + SyntheticHeader.Length + 4 + 120 + 4 + 8 + 20;
        int classic = 0, soroban = 0, last = 1_500;
        // Stop when one more transaction would more likely overshoot the target than not, so sizes average the target.
        while (fixedBytes + b.Total + (last / 2) < targetBytes)
        {
            int before = b.Total;
            SyntheticTx tx = Plan(ref random);
            bool isSoroban = tx.Kind == SyntheticTxKind.Soroban;
            SyntheticEnvelopes.Write(isSoroban ? b.SorobanEnvelopes : b.ClassicEnvelopes, tx, sequence, closeTime, ref random);
            SyntheticResults.Write(isSoroban ? b.SorobanMeta : b.ClassicMeta, tx, sequence, p23Plus, ref random);
            if (isSoroban) b.SorobanEnds.Add(b.SorobanEnvelopes.Length);
            if (isSoroban) soroban++;
            else classic++;
            last = b.Total - before;
        }

        XdrBufferWriter w = b.Output;
        w.UInt32(p23Plus ? 2u : 1u);
        w.UInt32(1); // LedgerCloseMetaExt v1: extension point, sorobanFeeWrite1KB
        w.UInt32(0);
        w.Int64(3_500);
        w.Bytes(hash);
        w.Bytes(header);
        w.UInt32(0); // LedgerHeaderHistoryEntry ext
        w.UInt32(1); // GeneralizedTransactionSet v1
        w.Bytes(previousHash);
        w.UInt32(2); // phases: classic, then Soroban
        w.UInt32(0);
        Component(w, classic, b.ClassicEnvelopes);
        if (p23Plus) ParallelPhase(w, soroban, b);
        else
        {
            w.UInt32(0);
            if (soroban == 0) w.UInt32(0);
            else Component(w, soroban, b.SorobanEnvelopes);
        }

        w.UInt32((uint)(classic + soroban)); // txProcessing, in apply order
        w.Append(b.ClassicMeta);
        w.Append(b.SorobanMeta);
        w.UInt32(0); // upgradesProcessing
        w.UInt32(0); // scpInfo
        w.UInt64((ulong)sequence * 1_024); // totalByteSizeOfLiveSorobanState
        w.UInt32(0); // evictedKeys
        if (!p23Plus) w.UInt32(0); // unused
        return w.Written.ToArray();
    }

    private static SyntheticTx Plan(ref SplitMix64 random)
    {
        int roll = random.NextInt(100);
        SyntheticTxKind kind = roll < 15 ? SyntheticTxKind.Soroban : roll < 20 ? SyntheticTxKind.FeeBump : SyntheticTxKind.Classic;
        int operations = kind == SyntheticTxKind.Soroban ? 1 : 1 + random.NextInt(3);
        return new SyntheticTx(kind, random.NextInt(SyntheticAccounts.AccountCount - 1), operations, random.Next(), random.OneIn(20));
    }

    // One component of v0 phase: the transactions with a base fee.
    private static void Component(XdrBufferWriter w, int count, XdrBufferWriter envelopes)
    {
        w.UInt32(1);
        w.UInt32(0); // TXSET_COMP_TXS_MAYBE_DISCOUNTED_FEE
        w.UInt32(1);
        w.Int64(BaseFee);
        w.UInt32((uint)count);
        w.Append(envelopes);
    }

    // Protocol 23's parallel phase: one stage whose clusters take consecutive runs of the Soroban transactions.
    private static void ParallelPhase(XdrBufferWriter w, int count, Buffers b)
    {
        w.UInt32(1);
        w.UInt32(1);
        w.Int64(BaseFee);
        if (count == 0)
        {
            w.UInt32(0);
            return;
        }

        int clusters = Math.Min(MaxClusters, count);
        w.UInt32(1);
        w.UInt32((uint)clusters);
        ReadOnlySpan<byte> envelopes = b.SorobanEnvelopes.Written;
        for (int c = 0; c < clusters; c++)
        {
            int first = c * count / clusters, end = (c + 1) * count / clusters;
            int from = first == 0 ? 0 : b.SorobanEnds[first - 1];
            w.UInt32((uint)(end - first));
            w.Bytes(envelopes[from..b.SorobanEnds[end - 1]]);
        }
    }

    private sealed class Buffers
    {
        public XdrBufferWriter Output { get; } = new();

        public XdrBufferWriter ClassicEnvelopes { get; } = new();

        public XdrBufferWriter SorobanEnvelopes { get; } = new();

        public XdrBufferWriter ClassicMeta { get; } = new();

        public XdrBufferWriter SorobanMeta { get; } = new();

        public List<int> SorobanEnds { get; } = [];

        public int Total => ClassicEnvelopes.Length + SorobanEnvelopes.Length + ClassicMeta.Length + SorobanMeta.Length;

        public void Clear()
        {
            Output.Clear();
            ClassicEnvelopes.Clear();
            SorobanEnvelopes.Clear();
            ClassicMeta.Clear();
            SorobanMeta.Clear();
            SorobanEnds.Clear();
        }
    }
}
