using Bronze.Storage;

namespace Bronze.Tests.Galexie;

/// <summary>
/// A read-only store over a real lake that delays each open by a random few milliseconds (so reads finish out of
/// order), counts reads in flight, and fails the first open of chosen keys transiently.
/// </summary>
internal sealed class ScriptedLakeStore(IObjectStore inner) : IObjectStore
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _failedOnce = [];
    private int _inFlight;

    public string Description => inner.Description;

    public int MaxInFlight { get; private set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Opens { get; private set; }

    /// <summary>Keys whose first open throws a transient failure.</summary>
    public Func<string, bool> FailOnce { get; init; } = _ => false;

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Opens++;
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            await Task.Delay(Random.Shared.Next(1, 8), cancellationToken);
            bool fail;
            lock (_gate) fail = FailOnce(key) && _failedOnce.Add(key);
            if (fail) throw new BronzeException(BronzeErrorKind.StoreFailure, $"injected: connection reset reading {key}", isTransient: true);
            return await inner.OpenReadAsync(key, cancellationToken);
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => inner.StatAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A lake is only read.");

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A lake is only read.");
}
