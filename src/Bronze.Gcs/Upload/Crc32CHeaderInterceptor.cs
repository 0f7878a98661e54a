using Bronze.Gcs.Hashing;
using Bronze.Gcs.Http;
using Google.Apis.Http;

namespace Bronze.Gcs.Upload;

/// <summary>
/// Adds <c>x-goog-hash: crc32c=...</c> of the whole object to the final chunk of an upload, for the server to verify
/// before it commits. It runs inside the HTTP pipeline, so it can wait for hashing still in progress.
/// </summary>
internal sealed class Crc32CHeaderInterceptor(IUploadContent content) : IHttpExecuteInterceptor
{
    /// <summary>The request option under which Google.Apis looks for per-request interceptors.</summary>
    public static readonly HttpRequestOptionsKey<List<IHttpExecuteInterceptor>> OptionKey = new(ConfigurableMessageHandler.ExecuteInterceptorKey);

    /// <inheritdoc/>
    public async Task InterceptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ContentHashes hashes = await content.SentHashesAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Remove(HashHeader.Name);
        request.Headers.TryAddWithoutValidation(HashHeader.Name, "crc32c=" + Crc32C.ToBase64(hashes.Crc32C));
    }
}
