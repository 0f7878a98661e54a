using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A store whose stat never sees data files: the planner then takes a partition whose data file another writer already
/// stored for new, as it would if that writer published between the plan and the write.
/// </summary>
internal sealed class DataHidingStore(IObjectStore inner) : IObjectStore
{
    public string Description => inner.Description;

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        inner.PutIfAbsentAsync(key, content, cancellationToken);

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        inner.PutFileIfAbsentAsync(key, filePath, cancellationToken);

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) =>
        key.EndsWith(".parquet", StringComparison.Ordinal) ? Task.FromResult<ObjectInfo?>(null) : inner.StatAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
