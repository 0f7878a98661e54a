namespace Bronze.Testing.Streams;

/// <summary>
/// A read-only, non-seekable stream over fixed bytes, as a network source looks to a store: reads return at most
/// <c>maxRead</c> bytes, and once <c>triggerAt</c> bytes have been read <c>trigger</c> runs, once, before the next read
/// (cancel a token, or throw to simulate a source that fails mid-write).
/// </summary>
/// <param name="data">The bytes the stream yields.</param>
/// <param name="maxRead">The most bytes one read returns.</param>
/// <param name="triggerAt">The position at which <paramref name="trigger"/> runs; past the end means never.</param>
/// <param name="trigger">What runs at <paramref name="triggerAt"/>.</param>
public sealed class ScriptedReadStream(byte[] data, int maxRead = int.MaxValue, long triggerAt = long.MaxValue, Action? trigger = null)
    : Stream
{
    private long _position;
    private bool _triggered;

    /// <summary>The number of bytes read so far.</summary>
    public long BytesRead => _position;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (!_triggered && _position >= triggerAt && trigger is not null)
        {
            _triggered = true;
            trigger();
        }

        int count = (int)Math.Min(Math.Min(buffer.Length, maxRead), data.Length - _position);
        data.AsSpan((int)_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int count = Read(buffer.Span);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(count);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
