using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Bronze.Gcs.Hashing;

/// <summary>
/// CRC32C (Castagnoli), the checksum Cloud Storage stores for every object, on the processor's CRC32 instruction
/// through <see cref="BitOperations.Crc32C(uint, ulong)"/>.
/// </summary>
internal static class Crc32C
{
    /// <summary>The running state before any byte (the standard all-ones preset).</summary>
    public const uint Initial = 0xFFFF_FFFF;

    /// <summary>Folds <paramref name="data"/> into a running state started at <see cref="Initial"/>.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (ulong word in words)
        {
            // The instruction consumes the word in little-endian byte order, which is the stream order on every
            // platform only after this swap on a big-endian one.
            state = BitOperations.Crc32C(state, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        foreach (byte b in data[(words.Length * sizeof(ulong))..])
        {
            state = BitOperations.Crc32C(state, b);
        }

        return state;
    }

    /// <summary>The checksum of everything folded into <paramref name="state"/>.</summary>
    public static uint Finish(uint state) => ~state;

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    /// <summary>The form Cloud Storage uses in JSON and in <c>x-goog-hash</c>: base64 of the big-endian bytes.</summary>
    public static string ToBase64(uint crc)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, crc);
        return Convert.ToBase64String(bytes);
    }
}
