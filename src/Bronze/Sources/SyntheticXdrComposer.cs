using System.Buffers.Binary;

namespace Bronze.Sources;

/// <summary>
/// Composes LedgerCloseMeta-like XDR: a ledger header followed by transaction records until the wanted size. What
/// makes real XDR compress about 3x with zstd is imitated here: big-endian ints that are mostly zero bytes, fixed
/// discriminants, accounts and assets drawn from a small shared pool (they repeat within a page), and incompressible
/// parts (signatures, hashes, amounts) drawn fresh from the ledger's own generator.
/// </summary>
internal sealed class SyntheticXdrComposer
{
    private const int AccountCount = 2048;
    private const int KeyLength = 32;

    // Built once from a fixed seed: every process, every run, gives the same pool and so the same bytes.
    private static readonly byte[] AccountPool = CreatePool(AccountCount * KeyLength, seed: 0x42524F4E5A45UL);
    private static readonly uint[] AssetCodes = [0x55534443, 0x45555243, 0x79584C4D, 0x42544300, 0x41515541, 0x53484950];

    public static SyntheticXdrComposer Instance { get; } = new();

    /// <summary>Fills <paramref name="destination"/> and returns the number of transactions and operations it holds.</summary>
    public (int Transactions, int Operations) Compose(Span<byte> destination, in SyntheticHeader header, ref SplitMix64 random)
    {
        var writer = new XdrSpanWriter(destination);
        WriteHeader(ref writer, header, ref random);
        int transactions = 0, operations = 0;
        while (writer.Remaining > 0)
        {
            operations += WriteTransaction(ref writer, header, ref random);
            transactions++;
        }

        return (transactions, operations);
    }

    private static void WriteHeader(ref XdrSpanWriter w, in SyntheticHeader h, ref SplitMix64 random)
    {
        w.UInt32(1); // LedgerCloseMeta v1
        w.Bytes(h.LedgerHash);
        w.UInt32((uint)h.ProtocolVersion);
        w.Bytes(h.PreviousLedgerHash);
        w.Bytes(h.TxSetHash);
        w.UInt64((ulong)h.CloseTimeSeconds);
        w.UInt32(0); // no upgrades
        w.UInt32(1); // STELLAR_VALUE_SIGNED
        w.Random(ref random, KeyLength + 64); // node id and signature
        w.Random(ref random, KeyLength * 2); // tx set result hash, bucket list hash
        w.UInt32((uint)h.Sequence);
        w.UInt64((ulong)h.TotalCoins);
        w.UInt64((ulong)h.FeePool);
        w.UInt32(0); // inflation sequence
        w.UInt64((ulong)h.Sequence * 7);
        w.UInt32(100); // base fee
        w.UInt32(5_000_000); // base reserve
        w.UInt32(1000); // max tx set size
        for (int i = 0; i < 4; i++) w.Random(ref random, KeyLength); // skip list
        w.UInt32(0);
    }

    private static int WriteTransaction(ref XdrSpanWriter w, in SyntheticHeader h, ref SplitMix64 random)
    {
        int source = random.NextInt(AccountCount);
        w.UInt32(2); // ENVELOPE_TYPE_TX
        w.UInt32(0); // KEY_TYPE_ED25519
        w.Bytes(Account(source));
        w.UInt32(random.OneIn(4) ? 300u : 100u);
        w.UInt64(((ulong)source << 32) | (uint)(h.Sequence & 0xFFFF)); // sequence number
        w.UInt32(1); // PRECOND_TIME
        w.UInt64(0);
        w.UInt64((ulong)h.CloseTimeSeconds + 300);
        w.UInt32(0); // MEMO_NONE
        int operations = 1 + random.NextInt(3);
        w.UInt32((uint)operations);
        for (int i = 0; i < operations; i++)
        {
            w.UInt32(0); // no operation source
            w.UInt32(1); // PAYMENT
            w.UInt32(0);
            w.Bytes(Account(random.NextInt(AccountCount)));
            int asset = random.NextInt(AssetCodes.Length + 1);
            w.UInt32(asset == 0 ? 0u : 1u);
            if (asset > 0)
            {
                w.UInt32(AssetCodes[asset - 1]);
                w.UInt32(0);
                w.Bytes(Account(asset * 97));
            }

            w.UInt64(random.Next() >> 30); // amount: a few random low bytes
        }

        w.UInt32(0); // ext
        w.UInt32(1); // one signature
        w.Bytes(Account(source)[^4..]); // its hint
        w.UInt32(64);
        w.Random(ref random, 64);
        w.Random(ref random, KeyLength); // result: transaction hash
        w.UInt64(100);
        w.UInt32(0); // txSUCCESS
        w.UInt32((uint)operations);
        for (int i = 0; i < operations; i++)
        {
            w.UInt32(0);
            w.UInt32(1);
            w.UInt32(0);
        }

        // Meta: each operation changes an account entry, written as its state before and after; the two differ only
        // in the balance, as in real TransactionMeta.
        for (int i = 0; i < operations; i++)
        {
            int account = random.NextInt(AccountCount);
            ulong balance = random.Next() >> 24;
            WriteAccountEntry(ref w, h, account, balance, changeType: 3);
            WriteAccountEntry(ref w, h, account, balance - (random.Next() >> 44), changeType: 1);
        }

        return operations;
    }

    private static void WriteAccountEntry(ref XdrSpanWriter w, in SyntheticHeader h, int account, ulong balance, uint changeType)
    {
        w.UInt32(changeType); // LEDGER_ENTRY_STATE or LEDGER_ENTRY_UPDATED
        w.UInt32((uint)h.Sequence - 1);
        w.UInt32(0); // ACCOUNT
        w.UInt32(0);
        w.Bytes(Account(account));
        w.UInt64(balance);
        w.UInt64(((ulong)account << 32) | 17); // sequence number
        w.UInt32(3); // sub-entries
        w.UInt32(0); // no inflation destination
        w.UInt32(0); // flags
        w.UInt32(0); // home domain
        w.UInt32(0x01000000); // thresholds
        w.UInt32(0); // signers
        w.UInt32(0); // ext
    }

    private static ReadOnlySpan<byte> Account(int index) => AccountPool.AsSpan(index % AccountCount * KeyLength, KeyLength);

    private static byte[] CreatePool(int length, ulong seed)
    {
        var random = new SplitMix64(seed);
        byte[] pool = new byte[length];
        for (int i = 0; i < length; i += 8) BinaryPrimitives.WriteUInt64LittleEndian(pool.AsSpan(i), random.Next());
        return pool;
    }
}
