using System.Buffers;

namespace Bronze.Parquet.Writing;

/// <summary>
/// One writer's buffers for finished pages: segments are reused from one row group to the next, so the heap holds about
/// one row group's compressed pages however long the file grows. The arrays come from <see cref="SharedSegments"/>,
/// shared by the writers of the process. A chunk's first segment is small and each next one twice the last (up to
/// <see cref="MaxGrowth"/>), so small columns hold kilobytes, not megabytes. Dispose it when the writer is done.
/// </summary>
internal sealed class SegmentPool : IDisposable
{
    public const int MinSegment = 64 << 10;
    public const int MaxGrowth = 4 << 20;
    private readonly SharedSegments _shared;
    private readonly ArrayPool<byte> _pool;
    private bool _disposed;

    /// <summary>Opens a pool on <paramref name="shared"/>, by default the process's.</summary>
    public SegmentPool(SharedSegments? shared = null)
    {
        _shared = shared ?? SharedSegments.Process;
        _pool = _shared.Open();
    }

    /// <summary>A segment of at least <paramref name="minimumLength"/> bytes, sized after the chunk's previous one.</summary>
    public byte[] Rent(int minimumLength, int previousLength) =>
        _pool.Rent(Math.Max(minimumLength, Math.Clamp(previousLength * 2, MinSegment, MaxGrowth)));

    public void Return(byte[] segment) => _pool.Return(segment);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _shared.Close();
    }
}
