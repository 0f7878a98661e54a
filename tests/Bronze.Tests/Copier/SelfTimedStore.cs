using System.Collections.Concurrent;
using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A real store that ignores the caller's cancellation while it puts, as a client with its own request timeout may:
/// it gives up only after <see cref="Patience"/>. Only the end of the content stream (or its error) ends a put at once.
/// It keeps the error each failed put ended with.
/// </summary>
internal sealed class SelfTimedStore(IObjectStore inner) : ForwardingStore(inner)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public ConcurrentDictionary<string, Exception> Errors { get; } = new(StringComparer.Ordinal);

    public override async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var own = new CancellationTokenSource(Patience);
        try
        {
            return await Inner.PutIfAbsentAsync(key, content, own.Token);
        }
        catch (Exception e)
        {
            Errors[key] = e;
            throw;
        }
    }
}
