using System.Buffers;

namespace Bronze.Parquet.Writing;

/// <summary>
/// Buffers for finished pages: segments are reused from one row group to the next, so the heap holds about one row
/// group's compressed pages however long the file grows. The arrays come from one process-wide pool, so the next file
/// (the copier writes many) reuses memory that is already mapped instead of faulting in fresh pages, which costs more
/// than an UNCOMPRESSED copy; the pool keeps at most <see cref="MaxArraysPerSize"/> arrays of each size. A chunk's first
/// segment is small and each next one twice the last (up to <see cref="MaxGrowth"/>), so small columns hold
/// kilobytes, not megabytes.
/// </summary>
internal sealed class SegmentPool
{
    public const int MinSegment = 64 << 10;
    public const int MaxGrowth = 4 << 20;
    public const int MaxArraysPerSize = 64;
    private static readonly ArrayPool<byte> Shared = ArrayPool<byte>.Create(maxArrayLength: 16 << 20, MaxArraysPerSize);
    private readonly ArrayPool<byte> _pool = Shared;

    /// <summary>A segment of at least <paramref name="minimumLength"/> bytes, sized after the chunk's previous one.</summary>
    public byte[] Rent(int minimumLength, int previousLength) =>
        _pool.Rent(Math.Max(minimumLength, Math.Clamp(previousLength * 2, MinSegment, MaxGrowth)));

    public void Return(byte[] segment) => _pool.Return(segment);
}
