using System.Buffers;

namespace Bronze.Parquet.Encoders;

/// <summary>A growable list of unmanaged values (levels, dictionary indices) over a pooled array.</summary>
internal sealed class PooledList<T> : IDisposable
    where T : unmanaged
{
    private T[] _array = ArrayPool<T>.Shared.Rent(256);
    private int _count;

    public int Count => _count;

    public ReadOnlySpan<T> Span => _array.AsSpan(0, _count);

    public void Add(T value)
    {
        if (_count == _array.Length) Grow(1);
        _array[_count++] = value;
    }

    public void Clear() => _count = 0;

    public void Dispose()
    {
        T[] array = _array;
        _array = [];
        _count = 0;
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
    }

    private void Grow(int count)
    {
        T[] bigger = ArrayPool<T>.Shared.Rent(Math.Max(_array.Length * 2, _count + count));
        _array.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_array);
        _array = bigger;
    }
}
