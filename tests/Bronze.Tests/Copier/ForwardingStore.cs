using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>A real store seen through a test's wrapper: every call goes to <paramref name="inner"/> unless overridden.</summary>
internal abstract class ForwardingStore(IObjectStore inner) : IObjectStore
{
    protected IObjectStore Inner => inner;

    public string Description => inner.Description;

    public virtual Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        inner.PutIfAbsentAsync(key, content, cancellationToken);

    public virtual Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        inner.PutFileIfAbsentAsync(key, filePath, cancellationToken);

    public virtual Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => inner.StatAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
