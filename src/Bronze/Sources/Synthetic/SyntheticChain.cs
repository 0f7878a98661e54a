using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Bronze.Sources.Synthetic;

/// <summary>
/// The synthetic hash chain. Ledger n's header holds the SHA-256 of ledger n-1's header, as on a real network, within
/// segments of 1,000,000 ledgers: the first ledger of a segment (a multiple of 1,000,000) holds a seeded previous hash
/// instead, and ledger 1 holds zeros. A chain back to ledger 1 would make the first read at ledger 50,000,000 walk fifty
/// million headers; a segment boundary is also a partition boundary for every partition size that divides 1,000,000
/// (10,000 among them), so the chain inside every such partition, and across the partitions of a segment, is real.
/// Finding a previous hash walks headers forward from the nearest known one; every 4,096th hash is remembered for the
/// process, so a read costs at most 4,096 header hashes once its segment has been walked.
/// </summary>
internal sealed class SyntheticChain
{
    /// <summary>Ledgers per segment of the chain.</summary>
    public const long Segment = 1_000_000;

    private const long Interval = 4096;
    private readonly ConcurrentDictionary<(ulong ChainSeed, bool P23Plus, long Sequence), byte[]> _checkpoints = new();

    public static SyntheticChain Shared { get; } = new();

    /// <summary>Writes the previous hash ledger <paramref name="sequence"/>'s header holds.</summary>
    public void PreviousHashOf(ulong chainSeed, bool p23Plus, long sequence, Span<byte> hash)
    {
        if (sequence % Segment == 0) Seeded(chainSeed, p23Plus, sequence, hash);
        else HashOf(chainSeed, p23Plus, sequence - 1, hash);
    }

    /// <summary>The previous hash of the ledger after <paramref name="sequence"/>, given this ledger's own hash.</summary>
    public static void Next(ulong chainSeed, bool p23Plus, long sequence, ReadOnlySpan<byte> hash, Span<byte> nextPrevious)
    {
        if ((sequence + 1) % Segment == 0) Seeded(chainSeed, p23Plus, sequence + 1, nextPrevious);
        else hash.CopyTo(nextPrevious);
    }

    private void HashOf(ulong chainSeed, bool p23Plus, long sequence, Span<byte> hash)
    {
        hash.Clear();
        if (sequence == 0) return;
        long segmentStart = sequence / Segment * Segment;
        long from = sequence / Interval * Interval;
        byte[]? known = null;
        while (from >= segmentStart && from > 0 && !_checkpoints.TryGetValue((chainSeed, p23Plus, from), out known)) from -= Interval;
        Span<byte> header = stackalloc byte[SyntheticHeader.Length];
        Span<byte> previous = stackalloc byte[32];
        long next;
        if (known is not null)
        {
            known.CopyTo(hash);
            next = from + 1;
        }
        else
        {
            next = Math.Max(segmentStart, 1);
            PreviousHashOfSegmentStart(chainSeed, p23Plus, next, previous);
            Step(chainSeed, p23Plus, next++, previous, header, hash);
        }

        for (; next <= sequence; next++)
        {
            hash.CopyTo(previous);
            Step(chainSeed, p23Plus, next, previous, header, hash);
        }
    }

    private void Step(ulong chainSeed, bool p23Plus, long sequence, ReadOnlySpan<byte> previous, Span<byte> header, Span<byte> hash)
    {
        SyntheticHeader.Write(chainSeed, p23Plus, sequence, previous, header, hash);
        if (sequence % Interval == 0) _checkpoints.TryAdd((chainSeed, p23Plus, sequence), hash.ToArray());
    }

    private static void PreviousHashOfSegmentStart(ulong chainSeed, bool p23Plus, long first, Span<byte> previous)
    {
        if (first == 1) previous.Clear();
        else Seeded(chainSeed, p23Plus, first, previous);
    }

    private static void Seeded(ulong chainSeed, bool p23Plus, long sequence, Span<byte> hash)
    {
        Span<byte> input = stackalloc byte[17];
        BinaryPrimitives.WriteUInt64LittleEndian(input, chainSeed);
        BinaryPrimitives.WriteInt64LittleEndian(input[8..], sequence);
        input[16] = p23Plus ? (byte)1 : (byte)0;
        SHA256.HashData(input, hash);
    }
}
