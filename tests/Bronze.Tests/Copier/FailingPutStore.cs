using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A real store whose put of one key fails with the store's own error: at once, before reading anything (a refused
/// upload), or, when <paramref name="failAtOnce"/> is false, only after the content stream failed, wrapping that error as
/// an SDK would.
/// </summary>
internal sealed class FailingPutStore(IObjectStore inner, string failingKey, bool failAtOnce) : ForwardingStore(inner)
{
    public const string Message = "the store refused the upload";

    public override async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        if (key != failingKey) return await Inner.PutIfAbsentAsync(key, content, cancellationToken);
        if (failAtOnce) throw new BronzeException(BronzeErrorKind.StoreFailure, Message);
        try
        {
            return await Inner.PutIfAbsentAsync(key, content, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure, Message, innerException: e);
        }
    }
}
