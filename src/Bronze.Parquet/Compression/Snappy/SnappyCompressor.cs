using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Bronze.Parquet.Compression.Snappy;

/// <summary>
/// Snappy block compression (google/snappy format_description.txt): a varint of the uncompressed length, then
/// literals and copies. Like the reference, the input is cut into 64 KiB blocks that are matched independently, so
/// offsets fit in two bytes and the hash table holds 16-bit positions.
/// </summary>
internal static unsafe class SnappyCompressor
{
    /// <summary>The block size: matches never reach across a block boundary.</summary>
    public const int BlockSize = 1 << 16;

    private const int MaxHashTableBits = 14;

    // Below this many bytes to the end of a block the main loop stops, so that its 8-byte loads and 16-byte literal
    // stores never leave the block.
    private const int InputMargin = 15;

    /// <summary>The most bytes <see cref="Compress"/> writes for <paramref name="sourceLength"/> input bytes.</summary>
    /// <param name="sourceLength">The input's length.</param>
    public static int MaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        long bound = 32L + sourceLength + (sourceLength / 6);
        return bound > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(sourceLength), sourceLength, "Too large for one Snappy block.") : (int)bound;
    }

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The bytes to compress.</param>
    /// <param name="destination">At least <see cref="MaxCompressedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    [SkipLocalsInit] // The hash table is cleared per block; zeroing it once more on entry is wasted work.
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < MaxCompressedLength(source.Length))
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} bytes; Snappy needs up to {MaxCompressedLength(source.Length)}.",
                nameof(destination));
        }

        ushort* table = stackalloc ushort[1 << MaxHashTableBits];
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            byte* op = WriteVarint(dst, (uint)source.Length);
            byte* opEnd = dst + destination.Length;
            for (int start = 0; start < source.Length; start += BlockSize)
            {
                int length = Math.Min(BlockSize, source.Length - start);
                int bits = HashTableBits(length);
                new Span<ushort>(table, 1 << bits).Clear();
                op = CompressBlock(src + start, length, op, opEnd, table, 32 - bits);
            }

            return (int)(op - dst);
        }
    }

    /// <summary>The smallest table (at least 256 entries) that covers the block, at most 2^14 entries.</summary>
    private static int HashTableBits(int length)
    {
        int bits = 8;
        while (bits < MaxHashTableBits && (1 << bits) < length) bits++;
        return bits;
    }

    private static byte* WriteVarint(byte* op, uint value)
    {
        while (value >= 0x80)
        {
            *op++ = (byte)(value | 0x80);
            value >>= 7;
        }

        *op++ = (byte)value;
        return op;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(uint bytes, int shift) => (bytes * 0x1E35A7BDu) >> shift;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load32(byte* p) => Unsafe.ReadUnaligned<uint>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load64(byte* p) => Unsafe.ReadUnaligned<ulong>(p);

    private static byte* CompressBlock(byte* ip, int length, byte* op, byte* opEnd, ushort* table, int shift)
    {
        byte* blockStart = ip;
        byte* ipEnd = ip + length;
        byte* nextEmit = ip;
        if (length >= InputMargin)
        {
            byte* ipLimit = ipEnd - InputMargin;
            uint nextHash = Hash(Load32(++ip), shift);
            while (true)
            {
                // Look for a 4-byte match, probing sparser the longer nothing matches: incompressible data is then
                // skipped quickly instead of being hashed byte by byte.
                uint skip = 32;
                byte* nextIp = ip;
                byte* candidate;
                do
                {
                    ip = nextIp;
                    uint hash = nextHash;
                    nextIp = ip + (skip++ >> 5);
                    if (nextIp > ipLimit) goto EmitRemainder;
                    nextHash = Hash(Load32(nextIp), shift);
                    candidate = blockStart + table[hash];
                    table[hash] = (ushort)(ip - blockStart);
                }
                while (Load32(ip) != Load32(candidate));

                op = EmitLiteral(op, opEnd, nextEmit, (int)(ip - nextEmit), fast: true);

                // Emit copies for as long as the byte right after a copy starts another match.
                ulong following;
                do
                {
                    byte* matchStart = ip;
                    int matched = 4 + MatchLength(candidate + 4, ip + 4, ipEnd);
                    ip += matched;
                    op = EmitCopy(op, (int)(matchStart - candidate), matched);
                    nextEmit = ip;
                    if (ip >= ipLimit) goto EmitRemainder;

                    following = Load64(ip - 1);
                    table[Hash((uint)following, shift)] = (ushort)(ip - 1 - blockStart);
                    uint hash = Hash((uint)(following >> 8), shift);
                    candidate = blockStart + table[hash];
                    table[hash] = (ushort)(ip - blockStart);
                }
                while ((uint)(following >> 8) == Load32(candidate));

                nextHash = Hash((uint)(following >> 16), shift);
                ip++;
            }
        }

    EmitRemainder:
        if (nextEmit < ipEnd) op = EmitLiteral(op, opEnd, nextEmit, (int)(ipEnd - nextEmit), fast: false);
        return op;
    }

    /// <summary>How many bytes from <paramref name="s2"/> (up to <paramref name="s2End"/>) equal those at <paramref name="s1"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchLength(byte* s1, byte* s2, byte* s2End)
    {
        byte* start = s2;
        while (s2 <= s2End - 8)
        {
            ulong x = Load64(s2) ^ Load64(s1);
            if (x != 0) return (int)(s2 - start) + (BitOperations.TrailingZeroCount(x) >> 3);
            s1 += 8;
            s2 += 8;
        }

        while (s2 < s2End && *s1 == *s2)
        {
            s1++;
            s2++;
        }

        return (int)(s2 - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitLiteral(byte* op, byte* opEnd, byte* literal, int length, bool fast)
    {
        int n = length - 1;
        if (n < 60)
        {
            *op++ = (byte)(n << 2);

            // Short literals inside the main loop: two 8-byte stores beat a variable-length copy. The caller
            // guarantees 16 readable bytes at the literal; the check keeps the stores inside the destination.
            if (fast && length <= 16 && opEnd - op >= 16)
            {
                Unsafe.WriteUnaligned(op, Load64(literal));
                Unsafe.WriteUnaligned(op + 8, Load64(literal + 8));
                return op + length;
            }
        }
        else if (n < 1 << 8)
        {
            *op++ = 60 << 2;
            *op++ = (byte)n;
        }
        else if (n < 1 << 16)
        {
            *op++ = 61 << 2;
            BinaryPrimitives.WriteUInt16LittleEndian(new Span<byte>(op, 2), (ushort)n);
            op += 2;
        }
        else if (n < 1 << 24)
        {
            *op++ = 62 << 2;
            *op++ = (byte)n;
            *op++ = (byte)(n >> 8);
            *op++ = (byte)(n >> 16);
        }
        else
        {
            *op++ = 63 << 2;
            BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(op, 4), (uint)n);
            op += 4;
        }

        Buffer.MemoryCopy(literal, op, length, length);
        return op + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitCopy(byte* op, int offset, int length)
    {
        // A copy element holds at most 64 bytes. Splitting 68+ as 64 + rest, and 65..67 as 60 + rest, keeps every
        // rest at 4 or more, so it can still use the 2-byte form when the offset is small.
        while (length >= 68)
        {
            op = EmitCopy2(op, offset, 64);
            length -= 64;
        }

        if (length > 64)
        {
            op = EmitCopy2(op, offset, 60);
            length -= 60;
        }

        if (length < 12 && offset < 2048)
        {
            *op++ = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            *op++ = (byte)offset;
            return op;
        }

        return EmitCopy2(op, offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitCopy2(byte* op, int offset, int length)
    {
        *op = (byte)(2 | ((length - 1) << 2));
        Unsafe.WriteUnaligned(op + 1, BitConverter.IsLittleEndian ? (ushort)offset : BinaryPrimitives.ReverseEndianness((ushort)offset));
        return op + 3;
    }
}
