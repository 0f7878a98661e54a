using System.Buffers;

namespace Bronze.Parquet.Writing;

/// <summary>
/// The writer's own pool of buffers for compressed pages: segments are reused from one row group to the next, so the
/// heap holds about one row group's compressed pages however long the file grows, and nothing is shared with other
/// writers. A chunk's first segment is small and each next one twice the last (up to <see cref="MaxGrowth"/>), so
/// small columns hold kilobytes, not megabytes.
/// </summary>
internal sealed class SegmentPool
{
    public const int MinSegment = 64 << 10;
    public const int MaxGrowth = 4 << 20;
    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(maxArrayLength: 16 << 20, maxArraysPerBucket: 1024);

    /// <summary>A segment of at least <paramref name="minimumLength"/> bytes, sized after the chunk's previous one.</summary>
    public byte[] Rent(int minimumLength, int previousLength) =>
        _pool.Rent(Math.Max(minimumLength, Math.Clamp(previousLength * 2, MinSegment, MaxGrowth)));

    public void Return(byte[] segment) => _pool.Return(segment);
}
