using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Bronze.S3.Tests.Support;

/// <summary>
/// Counts the buffers of at least a given length that <c>ArrayPool&lt;byte&gt;.Shared</c> lends and takes back in the
/// async flow that created the ledger (the test and every task it starts), from the pool's own events. A put that
/// keeps a buffer, or gives one back twice, shows here; tests running beside it in the process do not.
/// </summary>
public sealed class PooledBufferLedger : EventListener
{
    private const string PoolEvents = "System.Buffers.ArrayPoolEventSource";

    private static readonly AsyncLocal<PooledBufferLedger?> Owner = new();

    private readonly ConcurrentDictionary<int, int> _lentById = new();
    private readonly int _minimumLength;
    private int _rented;
    private int _returned;

    /// <summary>Starts counting in the calling flow.</summary>
    /// <param name="minimumLength">The smallest buffer counted (smaller ones are the HTTP stack's).</param>
    public PooledBufferLedger(int minimumLength)
    {
        _minimumLength = minimumLength;
        Owner.Value = this;
    }

    /// <summary>How many buffers were lent.</summary>
    public int Rented => Volatile.Read(ref _rented);

    /// <summary>How many buffers came back.</summary>
    public int Returned => Volatile.Read(ref _returned);

    /// <summary>The buffers lent and not given back (a buffer given back more often than lent counts negative).</summary>
    public int Outstanding => _lentById.Values.Sum();

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Runs from the base constructor too, before this class's fields are set: it only switches the events on.
        if (eventSource.Name == PoolEvents) EnableEvents(eventSource, EventLevel.Verbose);
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // The pool raises its events on the thread that rents or returns, so the flow's owner tells whose buffer it is.
        if (eventData.EventSource.Name != PoolEvents || !ReferenceEquals(Owner.Value, this) || eventData.Payload is not { Count: >= 2 } payload) return;
        if (payload[1] is not int length || length < _minimumLength || payload[0] is not int id) return;
        switch (eventData.EventName)
        {
            case "BufferRented":
                Interlocked.Increment(ref _rented);
                _lentById.AddOrUpdate(id, 1, (_, count) => count + 1);
                break;
            case "BufferReturned":
                Interlocked.Increment(ref _returned);
                _lentById.AddOrUpdate(id, -1, (_, count) => count - 1);
                break;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        Owner.Value = null;
        base.Dispose();
    }
}
