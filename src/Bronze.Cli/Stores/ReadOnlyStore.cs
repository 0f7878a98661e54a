using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>
/// A read-only view of a store for the commands that must write nothing (dry-run, verify, ls): any write is a bug and
/// throws. With no store behind it (a local folder that does not exist yet), it is empty.
/// </summary>
internal sealed class ReadOnlyStore(IObjectStore? inner, string description) : IObjectStore, IDisposable
{
    public string Description => description;

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A read-only command tried to write " + key + ".");

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A read-only command tried to write " + key + ".");

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) =>
        inner?.StatAsync(key, cancellationToken) ?? Task.FromResult<ObjectInfo?>(null);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        inner?.OpenReadAsync(key, cancellationToken) ?? throw BronzeException.NotFound($"object '{key}' in {description}");

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner?.ReadRangeAsync(key, offset, length, cancellationToken) ?? throw BronzeException.NotFound($"object '{key}' in {description}");

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        inner?.ListAsync(prefix, cancellationToken) ?? AsyncEnumerable.Empty<ObjectInfo>();

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
