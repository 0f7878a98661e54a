using System.Buffers;

namespace Bronze.Parquet.Encoders;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: it keeps its array across
/// <see cref="Clear"/> so a page or a dictionary is encoded without allocating, and returns it on dispose.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    public PooledBuffer(int initialCapacity = 256) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));

    public int Length => _length;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    /// <summary>The bytes written so far, for patching (a length prefix, a bit).</summary>
    public Span<byte> WrittenSpan => _array.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Advance(int count) => _length += count;

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(Math.Max(sizeHint, 1));
        return _array.AsSpan(_length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(Math.Max(sizeHint, 1));
        return _array.AsMemory(_length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteByte(byte value)
    {
        EnsureFree(1);
        _array[_length++] = value;
    }

    public void Dispose()
    {
        byte[] array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0) ArrayPool<byte>.Shared.Return(array);
    }

    private void EnsureFree(int count)
    {
        if (_array.Length - _length >= count) return;
        long wanted = Math.Max((long)_length + count, (long)_array.Length * 2);
        byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
        _array.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
