using System.Collections.Concurrent;
using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A real store where another writer wins a race: the bytes given to <see cref="PublishFirst"/> for a key are
/// published with put-if-absent just before this writer's own put of that key, after every read the planner made.
/// The copier then runs its decisions after a lost race against what really is in the inner store.
/// </summary>
internal sealed class RacingStore(IObjectStore inner) : ForwardingStore(inner)
{
    private readonly ConcurrentDictionary<string, byte[]> _rivals = new(StringComparer.Ordinal);

    /// <summary>Has another writer publish <paramref name="bytes"/> under <paramref name="key"/> just before the next put of it.</summary>
    public void PublishFirst(string key, byte[] bytes) => _rivals[key] = bytes;

    public override async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        await PublishRivalAsync(key, cancellationToken);
        return await Inner.PutIfAbsentAsync(key, content, cancellationToken);
    }

    public override async Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default)
    {
        await PublishRivalAsync(key, cancellationToken);
        return await Inner.PutFileIfAbsentAsync(key, filePath, cancellationToken);
    }

    private async Task PublishRivalAsync(string key, CancellationToken cancellationToken)
    {
        if (!_rivals.TryRemove(key, out byte[]? rival)) return;
        using var content = new MemoryStream(rival, writable: false);
        PutResult put = await Inner.PutIfAbsentAsync(key, content, cancellationToken);
        if (!put.Created) throw new InvalidOperationException($"The rival writer found {key} already there: the test is set up wrong.");
    }
}
