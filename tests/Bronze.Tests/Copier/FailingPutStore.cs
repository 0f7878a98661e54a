using Bronze.Errors;
using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A real store whose put of one key fails with the store's own error: at once, before reading anything (a refused
/// upload), or, when <paramref name="failAtOnce"/> is false, only after the content stream failed, wrapping that error as
/// an SDK would.
/// </summary>
internal sealed class FailingPutStore(IObjectStore inner, string failingKey, bool failAtOnce) : IObjectStore
{
    public const string Message = "the store refused the upload";

    public string Description => inner.Description;

    public async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        if (key != failingKey) return await inner.PutIfAbsentAsync(key, content, cancellationToken);
        if (failAtOnce) throw new BronzeException(BronzeErrorKind.StoreFailure, Message);
        try
        {
            return await inner.PutIfAbsentAsync(key, content, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure, Message, innerException: e);
        }
    }

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        inner.PutFileIfAbsentAsync(key, filePath, cancellationToken);

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => inner.StatAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
