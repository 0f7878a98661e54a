using System.Buffers.Binary;

namespace Bronze.Sources;

/// <summary>Writes big-endian XDR values into a span, silently cutting the last value short at the span's end.</summary>
internal ref struct XdrSpanWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _position;

    public readonly int Remaining => _destination.Length - _position;

    public void UInt32(uint value)
    {
        if (Remaining >= 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_destination[_position..], value);
            _position += 4;
            return;
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        Bytes(bytes);
    }

    public void UInt64(ulong value)
    {
        if (Remaining >= 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_destination[_position..], value);
            _position += 8;
            return;
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        Bytes(bytes);
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        int length = Math.Min(value.Length, Remaining);
        value[..length].CopyTo(_destination[_position..]);
        _position += length;
    }

    /// <summary>Writes <paramref name="length"/> bytes from the generator (a multiple of 8 is fastest).</summary>
    public void Random(ref SplitMix64 random, int length)
    {
        int end = _position + Math.Min(length, Remaining);
        while (end - _position >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_destination[_position..], random.Next());
            _position += 8;
        }

        if (end > _position)
        {
            Span<byte> word = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(word, random.Next());
            Bytes(word[..(end - _position)]);
        }
    }
}
