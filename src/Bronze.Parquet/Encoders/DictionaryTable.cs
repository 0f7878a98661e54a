using System.Buffers;

namespace Bronze.Parquet.Encoders;

/// <summary>
/// The dictionary of one column chunk: distinct values in first-seen order (so indices, and the bytes written, never
/// depend on hashing) and their PLAIN encoding, which is the dictionary page's body. Lookups use an open-addressing
/// table over pooled arrays: adding a value allocates nothing.
/// </summary>
internal sealed class DictionaryTable : IDisposable
{
    private readonly PooledBuffer _plain = new(4096);
    private int[] _slots = ArrayPool<int>.Shared.Rent(1024);
    private int[] _offsets = ArrayPool<int>.Shared.Rent(512);
    private int[] _lengths = ArrayPool<int>.Shared.Rent(512);
    private int _mask;
    private int _count;

    public DictionaryTable() => Reset();

    public int Count => _count;

    /// <summary>The PLAIN-encoded distinct values: the dictionary page's body.</summary>
    public ReadOnlySpan<byte> PlainBytes => _plain.Span;

    public int PlainLength => _plain.Length;

    public void Reset()
    {
        _count = 0;
        _plain.Clear();
        // The largest power of two the rented array holds: a pooled array may be longer than asked for.
        _mask = (1 << (31 - int.LeadingZeroCount(_slots.Length))) - 1;
        _slots.AsSpan(0, _mask + 1).Fill(-1);
    }

    /// <summary>Returns the index of <paramref name="plainValue"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> plainValue)
    {
        int hash = Hash(plainValue);
        int slot = hash & _mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry < 0) break;
            if (_plain.Span.Slice(_offsets[entry], _lengths[entry]).SequenceEqual(plainValue)) return entry;
            slot = (slot + 1) & _mask;
        }

        int index = _count;
        if (index == _offsets.Length) GrowEntries();
        _offsets[index] = _plain.Length;
        _lengths[index] = plainValue.Length;
        _plain.Write(plainValue);
        _slots[slot] = index;
        _count++;
        if (_count * 2 > _mask + 1) GrowSlots();
        return index;
    }

    public void Dispose()
    {
        _plain.Dispose();
        ArrayPool<int>.Shared.Return(_slots);
        ArrayPool<int>.Shared.Return(_offsets);
        ArrayPool<int>.Shared.Return(_lengths);
        _slots = _offsets = _lengths = [];
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        // Placement only: first-seen order decides indices, so a per-process seed cannot change the output bytes.
        var hash = default(HashCode);
        hash.AddBytes(value);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void GrowEntries()
    {
        _offsets = Grow(_offsets, _count);
        _lengths = Grow(_lengths, _count);
    }

    private static int[] Grow(int[] array, int count)
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<int>.Shared.Return(array);
        return bigger;
    }

    private void GrowSlots()
    {
        int size = (_mask + 1) * 2;
        ArrayPool<int>.Shared.Return(_slots);
        _slots = ArrayPool<int>.Shared.Rent(size);
        _mask = size - 1;
        _slots.AsSpan(0, size).Fill(-1);
        for (int entry = 0; entry < _count; entry++)
        {
            int slot = Hash(_plain.Span.Slice(_offsets[entry], _lengths[entry])) & _mask;
            while (_slots[slot] >= 0) slot = (slot + 1) & _mask;
            _slots[slot] = entry;
        }
    }
}
