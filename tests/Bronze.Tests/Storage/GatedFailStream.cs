namespace Bronze.Tests.Storage;

/// <summary>
/// A read-only source that serves <c>bytes</c>, then answers the next read with a task the test fails by hand
/// (<see cref="Fail"/>). That task runs its continuations inline, so a put's code after the failed read runs, up to its
/// next await that waits, inside <see cref="Fail"/>: what the put released by then, it released without waiting.
/// </summary>
internal sealed class GatedFailStream(byte[] bytes) : Stream
{
    private readonly TaskCompletionSource<int> _failingRead = new();
    private int _served;

    /// <summary>Completes once the put asked for more than <c>bytes</c>.</summary>
    public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Fails the pending read with <paramref name="error"/>, running what the reader does next on this thread.</summary>
    public void Fail(Exception error) => _failingRead.SetException(error);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_served == bytes.Length)
        {
            Asked.TrySetResult();
            return new ValueTask<int>(_failingRead.Task);
        }

        int n = Math.Min(buffer.Length, bytes.Length - _served);
        bytes.AsSpan(_served, n).CopyTo(buffer.Span);
        _served += n;
        return ValueTask.FromResult(n);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
