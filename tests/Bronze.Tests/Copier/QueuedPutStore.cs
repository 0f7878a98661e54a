using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A real store whose put of one key waits for an upload slot before it reads anything, for at most
/// <see cref="Patience"/>: a put the caller cancels leaves the queue at once, and says so.
/// </summary>
internal sealed class QueuedPutStore(IObjectStore inner, string queuedKey) : ForwardingStore(inner)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public bool CancelledWhileQueued { get; private set; }

    public override async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        if (key == queuedKey)
        {
            try
            {
                await Task.Delay(Patience, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelledWhileQueued = true;
                throw;
            }
        }

        return await Inner.PutIfAbsentAsync(key, content, cancellationToken);
    }
}
