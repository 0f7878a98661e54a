using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Bronze.Parquet.Compression.Snappy;

/// <summary>
/// Snappy block decompression that trusts nothing in its input: every length and offset is checked against both
/// buffers before a byte moves, so corrupt input ends in <see cref="InvalidDataException"/>, never in a read or write
/// outside the spans.
/// </summary>
internal static unsafe class SnappyDecompressor
{
    /// <summary>Reads the uncompressed length from the start of a Snappy block.</summary>
    /// <param name="source">The compressed block.</param>
    /// <returns>The uncompressed length the block declares.</returns>
    /// <exception cref="InvalidDataException">The length is missing, malformed or above <see cref="int.MaxValue"/>.</exception>
    public static int GetUncompressedLength(ReadOnlySpan<byte> source)
    {
        ulong value = 0;
        for (int i = 0; i < 5; i++)
        {
            if (i >= source.Length) throw Corrupt("the uncompressed length is cut off");
            byte b = source[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value > int.MaxValue ? throw Corrupt($"the uncompressed length {value} is too large") : (int)value;
            }
        }

        throw Corrupt("the uncompressed length is longer than 5 bytes");
    }

    /// <summary>Decompresses <paramref name="source"/>, which must declare exactly <paramref name="destination"/>'s length.</summary>
    /// <param name="source">The compressed block.</param>
    /// <param name="destination">Exactly the uncompressed length.</param>
    /// <returns>The number of bytes written: <paramref name="destination"/>'s length.</returns>
    /// <exception cref="InvalidDataException">The input is corrupt or declares another length.</exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int declared = GetUncompressedLength(source);
        if (declared != destination.Length)
        {
            throw Corrupt($"it declares {declared} uncompressed bytes where {destination.Length} were expected");
        }

        int header = 1;
        while (source[header - 1] >= 0x80) header++;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            Run(src + header, src + source.Length, dst, dst + destination.Length);
        }

        return destination.Length;
    }

    private static void Run(byte* ip, byte* ipEnd, byte* opStart, byte* opEnd)
    {
        byte* op = opStart;
        while (ip < ipEnd)
        {
            uint tag = *ip++;
            long length;
            long offset;
            switch (tag & 3)
            {
                case 0:
                    length = (tag >> 2) + 1;
                    if (length > 60)
                    {
                        int extra = (int)length - 60;
                        if (ipEnd - ip < extra) throw Corrupt("a literal's length is cut off");
                        length = ReadLittleEndian(ip, extra) + 1;
                        ip += extra;
                    }

                    if (ipEnd - ip < length) throw Corrupt("a literal runs past the end of the input");
                    if (opEnd - op < length) throw Corrupt("a literal runs past the declared length");
                    if (length <= 16 && ipEnd - ip >= 16 && opEnd - op >= 16)
                    {
                        Unsafe.CopyBlockUnaligned(op, ip, 16);
                    }
                    else
                    {
                        Buffer.MemoryCopy(ip, op, length, length);
                    }

                    ip += length;
                    op += length;
                    continue;
                case 1:
                    if (ip >= ipEnd) throw Corrupt("a copy's offset is cut off");
                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | *ip++;
                    break;
                case 2:
                    if (ipEnd - ip < 2) throw Corrupt("a copy's offset is cut off");
                    length = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(ip, 2));
                    ip += 2;
                    break;
                default:
                    if (ipEnd - ip < 4) throw Corrupt("a copy's offset is cut off");
                    length = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(ip, 4));
                    ip += 4;
                    break;
            }

            if (offset == 0 || offset > op - opStart) throw Corrupt($"a copy's offset {offset} points outside the output");
            if (opEnd - op < length) throw Corrupt("a copy runs past the declared length");
            op = Copy(op, opEnd, op - offset, (int)length);
        }

        if (op != opEnd) throw Corrupt($"it holds {op - opStart} bytes where {opEnd - opStart} were declared");
    }

    /// <summary>An LZ77 copy; when the offset is shorter than the length the source overlaps what it writes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* Copy(byte* op, byte* opEnd, byte* from, int length)
    {
        byte* end = op + length;
        if (opEnd - op < length + 8)
        {
            // Near the end of the output there is no room to overshoot: byte by byte, which is also what the
            // format means by an overlapping copy.
            while (op < end) *op++ = *from++;
            return end;
        }

        // 8-byte steps may write up to 7 bytes past the copy; they are inside the output and rewritten later.
        long distance = op - from;
        if (distance < 8)
        {
            // A short period (a run of one byte, a repeated pair...): lay down its first 8 bytes one at a time, then
            // copy 8 bytes at a time from a whole number of periods back, at least 8 bytes away.
            for (int i = 0; i < 8; i++) op[i] = from[i];
            long period = distance;
            while (period < 8) period += distance;
            from = op + 8 - period;
            op += 8;
        }

        while (op < end)
        {
            Unsafe.WriteUnaligned(op, Unsafe.ReadUnaligned<ulong>(from));
            op += 8;
            from += 8;
        }

        return end;
    }

    private static long ReadLittleEndian(byte* p, int count)
    {
        long value = 0;
        for (int i = 0; i < count; i++) value |= (long)p[i] << (8 * i);
        return value;
    }

    private static InvalidDataException Corrupt(string what) => new($"Corrupt Snappy data: {what}.");
}
