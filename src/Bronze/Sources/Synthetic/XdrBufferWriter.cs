using System.Buffers.Binary;

namespace Bronze.Sources.Synthetic;

/// <summary>Writes big-endian XDR into a growing buffer, reused across ledgers by one thread; not thread-safe.</summary>
internal sealed class XdrBufferWriter
{
    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>What was written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Take(4), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(4), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Take(8), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Take(8), value);

    /// <summary>Fixed-length opaque data (a multiple of 4 bytes long, as every Stellar fixed opaque is).</summary>
    public void Bytes(scoped ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

    /// <summary>Variable-length opaque data or a string: its length, the bytes, zero padding to 4.</summary>
    public void Opaque(scoped ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        Span<byte> target = Take((value.Length + 3) & ~3);
        value.CopyTo(target);
        target[value.Length..].Clear();
    }

    /// <summary><paramref name="length"/> (a multiple of 8) bytes from the generator: hashes, signatures.</summary>
    public void Random(ref SplitMix64 random, int length)
    {
        Span<byte> target = Take(length);
        for (int i = 0; i < length; i += 8) BinaryPrimitives.WriteUInt64LittleEndian(target[i..], random.Next());
    }

    /// <summary>Appends what another writer holds.</summary>
    public void Append(XdrBufferWriter other) => Bytes(other.Written);

    private Span<byte> Take(int length)
    {
        if (Length + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        }

        Span<byte> span = _buffer.AsSpan(Length, length);
        Length += length;
        return span;
    }
}
