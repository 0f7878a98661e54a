namespace Bronze.Verification;

/// <summary>
/// A read-only, seekable view of a file of which only the first and last bytes were kept: enough for a Parquet footer
/// reader, which reads the leading magic and the tail. Reading anywhere else throws.
/// </summary>
internal sealed class HeadTailStream(byte[] head, byte[] tail, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        if (count == 0) return 0;
        long tailStart = length - tail.Length;
        if (_position + count <= head.Length) head.AsSpan((int)_position, count).CopyTo(buffer);
        else if (_position >= tailStart) tail.AsSpan((int)(_position - tailStart), count).CopyTo(buffer);
        else throw new InvalidOperationException($"Bytes {_position} to {_position + count} of the file were not kept.");
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
