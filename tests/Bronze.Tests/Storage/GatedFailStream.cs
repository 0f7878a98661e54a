namespace Bronze.Tests.Storage;

/// <summary>
/// A read-only source that serves <c>bytes</c> (its buffer hidden, so a store reads it into pooled buffers), then
/// answers the next read with a task the test fails by hand (<see cref="Fail"/>). That task runs its continuations
/// inline, so a put's code after the failed read runs, up to its next await that waits, inside <see cref="Fail"/>: what
/// the put released by then, it released without waiting.
/// </summary>
internal sealed class GatedFailStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    private readonly TaskCompletionSource<int> _failingRead = new();

    /// <summary>Completes once the put asked for more than <c>bytes</c>.</summary>
    public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fails the pending read with <paramref name="error"/>, running what the reader does next on this thread.</summary>
    public void Fail(Exception error) => _failingRead.SetException(error);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position < Length) return base.ReadAsync(buffer, cancellationToken);
        Asked.TrySetResult();
        return new ValueTask<int>(_failingRead.Task);
    }
}
