namespace Bronze.S3.Upload;

/// <summary>A read-only, forward-only stream that reads <c>first</c> to its end, then <c>second</c>.</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : Stream
{
    private bool _firstDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_firstDone)
        {
            int read = await first.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || buffer.Length == 0) return read;
            _firstDone = true;
        }

        return await second.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!_firstDone)
        {
            int read = first.Read(buffer, offset, count);
            if (read > 0 || count == 0) return read;
            _firstDone = true;
        }

        return second.Read(buffer, offset, count);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
