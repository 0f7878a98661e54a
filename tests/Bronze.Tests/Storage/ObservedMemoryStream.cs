namespace Bronze.Tests.Storage;

/// <summary>
/// A read-only memory stream that records the size of every read asked of it and runs <see cref="OnSeek"/> on every
/// seek. With <c>visible</c> a store slices its buffer in place (and seeks past each slice); without, it reads it.
/// </summary>
internal sealed class ObservedMemoryStream(byte[] bytes, bool visible)
    : MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: visible)
{
    private readonly List<int> _readSizes = [];

    /// <summary>The buffer sizes of the reads so far, in order.</summary>
    public IReadOnlyList<int> ReadSizes => _readSizes;

    /// <summary>Runs on every seek (say, to cancel a token once the first slice is taken).</summary>
    public Action? OnSeek { get; init; }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _readSizes.Add(buffer.Length);
        return base.ReadAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin loc)
    {
        OnSeek?.Invoke();
        return base.Seek(offset, loc);
    }
}
