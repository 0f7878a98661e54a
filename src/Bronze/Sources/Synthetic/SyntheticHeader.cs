using System.Security.Cryptography;

namespace Bronze.Sources.Synthetic;

/// <summary>
/// A synthetic ledger's <c>LedgerHeader</c> XDR. Every field but <c>previousLedgerHash</c> is a function of the chain
/// (network and era) and the sequence alone, so the hash chain can be walked header by header without building bodies.
/// </summary>
internal static class SyntheticHeader
{
    /// <summary>The header's XDR length: fixed, as it always has the signed StellarValue arm and no upgrades.</summary>
    public const int Length = 428;

    // pubnet's genesis close time, 2015-09-30T16:46:54Z.
    private const long GenesisCloseSeconds = 1_443_631_614;
    private const long SecondsPerLedger = 5;
    private const long InitialTotalCoins = 1_000_000_000_000_000_000;

    /// <summary>Writes ledger <paramref name="sequence"/>'s header into <paramref name="destination"/> and hashes it.</summary>
    public static void Write(ulong chainSeed, bool p23Plus, long sequence, ReadOnlySpan<byte> previousHash, Span<byte> destination, Span<byte> hash)
    {
        var random = new SplitMix64(SplitMix64.Mix(chainSeed ^ 0x4845414445525EUL, (ulong)sequence));
        var w = new XdrSpanWriter(destination);
        w.UInt32((uint)SyntheticEra.Protocol(p23Plus, sequence));
        w.Bytes(previousHash);
        w.Random(ref random, 32); // scpValue.txSetHash
        w.UInt64((ulong)(GenesisCloseSeconds + (sequence * SecondsPerLedger) + random.NextInt(3)));
        w.UInt32(0); // no upgrades
        w.UInt32(1); // STELLAR_VALUE_SIGNED
        w.UInt32(0); // PUBLIC_KEY_TYPE_ED25519
        w.Bytes(SyntheticAccounts.Validator(random.NextInt(SyntheticAccounts.ValidatorCount)));
        w.UInt32(64);
        w.Random(ref random, 64);
        w.Random(ref random, 64); // txSetResultHash, bucketListHash
        w.UInt32((uint)sequence);
        w.UInt64((ulong)(InitialTotalCoins + (sequence * 1_000)));
        w.UInt64((ulong)((sequence * 3_000) + random.NextInt(1_000))); // feePool
        w.UInt32(0); // inflationSeq
        w.UInt64((ulong)sequence * 7); // idPool
        w.UInt32(100); // baseFee
        w.UInt32(5_000_000); // baseReserve
        w.UInt32(1000); // maxTxSetSize
        w.Random(ref random, 4 * 32); // skipList
        w.UInt32(0); // ext
        SHA256.HashData(destination[..w.Length], hash);
    }
}
