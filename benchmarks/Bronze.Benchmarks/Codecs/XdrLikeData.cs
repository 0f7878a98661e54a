using System.Buffers.Binary;

namespace Bronze.Benchmarks.Codecs;

/// <summary>
/// Deterministic bytes shaped like Stellar ledger XDR: big-endian discriminants and small integers, account keys drawn
/// (skewed) from a small pool, incrementing sequence numbers, amounts, padded asset codes, and incompressible hashes
/// and signatures. Tuned so that <c>zstd -3</c> compresses it about 3:1, like real ledger close meta.
/// </summary>
public static class XdrLikeData
{
    private static readonly string[] AssetCodes = ["USDC", "XLM", "EURC", "yXLM", "AQUA", "BTC", "SHX", "LSP"];

    /// <summary>Generates <paramref name="length"/> bytes; the same arguments always give the same bytes.</summary>
    /// <param name="length">How many bytes.</param>
    /// <param name="seed">Selects one of many equally shaped sequences.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Generate(int length, int seed = 1)
    {
        var bytes = new byte[length];
        Fill(bytes, seed);
        return bytes;
    }

    /// <summary>Fills <paramref name="destination"/>; the same length and seed always give the same bytes.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="seed">Selects one of many equally shaped sequences.</param>
    public static void Fill(Span<byte> destination, int seed = 1)
    {
        var random = new Random(seed);
        var accounts = new byte[256][];
        for (int i = 0; i < accounts.Length; i++)
        {
            accounts[i] = new byte[32];
            random.NextBytes(accounts[i]);
        }

        // Records are written whole into a scratch buffer and then clipped, so the last record may be cut short.
        Span<byte> record = stackalloc byte[1024];
        long sequence = 200_000_000_000L + random.Next(1_000_000);
        int position = 0;
        while (position < destination.Length)
        {
            int length = WriteRecord(record, random, accounts, ref sequence);
            int take = Math.Min(length, destination.Length - position);
            record[..take].CopyTo(destination[position..]);
            position += take;
        }
    }

    private static int WriteRecord(Span<byte> record, Random random, byte[][] accounts, ref long sequence)
    {
        int p = 0;
        p += WriteUInt32(record[p..], (uint)random.Next(0, 14)); // operation type
        p += WriteUInt32(record[p..], 0); // key type: ed25519
        accounts[Skewed(random, accounts.Length)].CopyTo(record[p..]);
        p += 32;
        p += WriteInt64(record[p..], ++sequence);
        p += WriteUInt32(record[p..], (uint)random.Next(100, 10_000)); // fee
        p += WriteInt64(record[p..], random.Next(0, 1_000_000) * 100L); // amount, often round
        string code = AssetCodes[Skewed(random, AssetCodes.Length)];
        p += WriteUInt32(record[p..], code.Length <= 4 ? 1u : 2u);
        record.Slice(p, 12).Clear();
        for (int i = 0; i < code.Length; i++) record[p + i] = (byte)code[i];
        p += code.Length <= 4 ? 4 : 12;
        accounts[Skewed(random, accounts.Length)].CopyTo(record[p..]); // issuer
        p += 32;

        // A transaction hash, a signature hint and a 64-byte signature: random, as on the real network.
        if (random.Next(4) != 0)
        {
            random.NextBytes(record.Slice(p, 32));
            p += 32;
        }

        if (random.Next(6) == 0)
        {
            random.NextBytes(record.Slice(p, 4 + 64));
            p += 4 + 64;
        }

        // Ledger entry changes: a few small fields, mostly zero.
        int changes = random.Next(1, 7);
        for (int i = 0; i < changes; i++)
        {
            p += WriteUInt32(record[p..], (uint)random.Next(0, 4));
            p += WriteInt64(record[p..], random.Next(0, 1000));
            record.Slice(p, 12).Clear();
            p += 12;
        }

        return p;
    }

    /// <summary>Small indexes far more often than large ones, like the accounts and assets that dominate real traffic.</summary>
    private static int Skewed(Random random, int count) => random.Next(random.Next(1, count + 1));

    private static int WriteUInt32(Span<byte> destination, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        return 4;
    }

    private static int WriteInt64(Span<byte> destination, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, value);
        return 8;
    }
}
