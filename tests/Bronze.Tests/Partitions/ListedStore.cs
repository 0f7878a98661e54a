using System.Runtime.CompilerServices;
using Bronze.Storage;
using Bronze.Testing.Streams;

namespace Bronze.Tests.Partitions;

/// <summary>
/// A store that lists the entries it is given (any <see cref="ObjectKind"/>, which a local folder cannot always hold:
/// an unreadable folder needs a non-root user), stats them, opens <see cref="Contents"/> as a stream of small reads,
/// or fails every stat and open with <see cref="ReadError"/>. It counts the requests other than listings, so a test
/// can show that a decision needed none.
/// </summary>
internal sealed class ListedStore(params ObjectInfo[] entries) : IObjectStore
{
    private int _requests;

    public string Description => "listed://";

    /// <summary>What every stat and open throws; <see langword="null"/> (the default) for a stat that answers and an open that finds nothing.</summary>
    public Exception? ReadError { get; init; }

    /// <summary>The objects an open reads, each as a stream returning at most <see cref="MaxRead"/> bytes a read.</summary>
    public IReadOnlyDictionary<string, byte[]> Contents { get; init; } = new Dictionary<string, byte[]>();

    public int MaxRead { get; init; } = 3;

    public int Requests => Volatile.Read(ref _requests);

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _requests);
        if (ReadError is not null) throw ReadError;
        return Task.FromResult(entries.FirstOrDefault(e => e.Key == key));
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _requests);
        if (ReadError is not null) throw ReadError;
        return Contents.TryGetValue(key, out byte[]? bytes) ? Task.FromResult<Stream>(new ScriptedReadStream(bytes, MaxRead)) : throw BronzeException.NotFound(key);
    }

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (ObjectInfo entry in entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
            yield return entry;
    }
}
