namespace Bronze.Parquet.Writing;

/// <summary>
/// The writer's own pool of large buffers for compressed pages: segments are reused from one row group to the next, so
/// the heap holds about one row group's compressed pages however long the file grows, and nothing is shared with
/// other writers (their row groups may differ in size).
/// </summary>
internal sealed class SegmentPool
{
    public const int DefaultSegmentSize = 4 << 20;
    private readonly Stack<byte[]> _free = new();

    public byte[] Rent(int minimumLength)
    {
        if (minimumLength <= DefaultSegmentSize && _free.TryPop(out byte[]? segment)) return segment;
        return GC.AllocateUninitializedArray<byte>(Math.Max(minimumLength, DefaultSegmentSize));
    }

    public void Return(byte[] segment)
    {
        // Oversized segments (a single huge value) are left to the GC rather than kept for the rest of the file.
        if (segment.Length == DefaultSegmentSize) _free.Push(segment);
    }

    public void Clear() => _free.Clear();
}
