namespace Bronze.Testing.Streams;

/// <summary>A stream whose every read fails the test: proves that a store rejected its input before any I/O.</summary>
public sealed class UnreadableStream : Stream
{
    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw Touched();

    /// <inheritdoc />
    public override long Position
    {
        get => throw Touched();
        set => throw Touched();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw Touched();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw Touched();

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw Touched();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw Touched();

    /// <inheritdoc />
    public override void SetLength(long value) => throw Touched();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw Touched();

    private static InvalidOperationException Touched() =>
        new("The store touched the content of a put it should have rejected before any I/O.");
}
