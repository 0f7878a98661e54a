namespace Bronze.S3.Tests.Support;

/// <summary>
/// A forward-only stream over bytes (length unknown to the reader), that can cancel a token once a number of bytes
/// has been read, to cancel a put in the middle of its content.
/// </summary>
public sealed class NonSeekableStream(byte[] data, long afterBytes = long.MaxValue, CancellationTokenSource? cancel = null) : Stream
{
    private int _position;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = Math.Min(count, data.Length - _position);
        Array.Copy(data, _position, buffer, offset, read);
        _position += read;
        if (_position >= afterBytes) cancel?.Cancel();
        return read;
    }

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
