using System.Buffers.Binary;

namespace Bronze.Stellar.Xdr;

/// <summary>
/// Reads big-endian XDR (RFC 4506) from a span without allocating. Every read is bounds-checked, every length is checked
/// against its declared limit and against the bytes left (so a forged count cannot make a walk loop or read past the end),
/// and nesting is bounded (so hostile input cannot overflow the stack).
/// </summary>
internal ref struct XdrReader(ReadOnlySpan<byte> data)
{
    /// <summary>The deepest nesting of self-referencing types (ScVal, SCPQuorumSet...) accepted; stellar-xdr's default.</summary>
    public const int MaxDepth = 500;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private int _depth;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Transaction envelopes walked so far.</summary>
    public int TransactionCount { get; set; }

    /// <summary>Operations of the transactions walked so far (a fee bump's are its inner transaction's).</summary>
    public int OperationCount { get; set; }

    public int Int32() => (int)UInt32();

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64BigEndian(Bytes(8));

    /// <summary>The next <paramref name="length"/> bytes.</summary>
    public ReadOnlySpan<byte> Bytes(int length)
    {
        int start = _position;
        Skip(length);
        return _data.Slice(start, length);
    }

    /// <summary>Bytes already read, from <paramref name="start"/>.</summary>
    public readonly ReadOnlySpan<byte> Slice(int start, int length) => _data.Slice(start, length);

    public void Skip(int length)
    {
        if ((uint)length > (uint)Remaining) throw Truncated(length);
        _position += length;
    }

    /// <summary>Skips a variable-length opaque or string of at most <paramref name="max"/> bytes, and its padding.</summary>
    public void SkipOpaque(int max)
    {
        uint length = UInt32();
        if (length > (uint)max) throw Failure($"a length of {length} bytes is over its limit of {max}", _position - 4);
        long padded = (length + 3L) & ~3L;
        if (padded > Remaining) throw Truncated(padded);
        _position += (int)padded;
    }

    /// <summary>Reads the count of a variable-length array of at most <paramref name="max"/> values of 4 bytes or more.</summary>
    public int Count(int max)
    {
        uint count = UInt32();
        if (count > (uint)max) throw Failure($"an array of {count} values is over its limit of {max}", _position - 4);
        if (count > (uint)Remaining / 4) throw Truncated(count * 4L);
        return (int)count;
    }

    /// <summary>Skips a variable-length array of fixed-size values.</summary>
    public void SkipArray(int elementSize, int max)
    {
        int count = Count(max);
        long length = (long)count * elementSize;
        if (length > Remaining) throw Truncated(length);
        _position += (int)length;
    }

    /// <summary>Reads an optional value's flag (XDR's <c>T*</c>).</summary>
    public bool Present()
    {
        uint flag = UInt32();
        if (flag > 1) throw Failure($"an optional value's flag is {flag}, not 0 or 1", _position - 4);
        return flag == 1;
    }

    public void Enter()
    {
        if (++_depth > MaxDepth) throw Failure($"values nest deeper than {MaxDepth} levels", _position);
    }

    public void Leave() => _depth--;

    /// <summary>The error for a union arm this build does not know.</summary>
    public readonly XdrException UnknownArm(string type, int arm) =>
        new($"{type} has arm {arm}, which this build does not know", _position - 4, isUnknownArm: true);

    public readonly XdrException Failure(string what, int offset) => new(what, offset, isUnknownArm: false);

    private readonly XdrException Truncated(long wanted) =>
        Failure($"{wanted} bytes are needed but only {Remaining} are left (truncated, or a length runs past the end)", _position);
}
