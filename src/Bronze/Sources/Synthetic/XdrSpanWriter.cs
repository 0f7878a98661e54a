using System.Buffers.Binary;

namespace Bronze.Sources.Synthetic;

/// <summary>Writes big-endian XDR into a span of known size (the ledger header), without allocating.</summary>
internal ref struct XdrSpanWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Length { get; private set; }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_destination[Length..], value);
        Length += 4;
    }

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_destination[Length..], value);
        Length += 8;
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[Length..]);
        Length += value.Length;
    }

    /// <summary><paramref name="length"/> (a multiple of 8) bytes from the generator.</summary>
    public void Random(ref SplitMix64 random, int length)
    {
        for (int end = Length + length; Length < end; Length += 8)
            BinaryPrimitives.WriteUInt64LittleEndian(_destination[Length..], random.Next());
    }
}
