using Google.Apis.Http;

namespace Bronze.Gcs.Http;

/// <summary>
/// Google.Apis' HTTP client factory with a connect timeout, so a dead endpoint fails in seconds instead of waiting
/// for the operating system's TCP timeout, and without automatic decompression, so checksums see the stored bytes.
/// </summary>
internal sealed class GcsHttpClientFactory : HttpClientFactory
{
    private readonly TimeSpan _connectTimeout;

    public GcsHttpClientFactory(TimeSpan connectTimeout) => _connectTimeout = connectTimeout;

    /// <inheritdoc/>
    protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => new SocketsHttpHandler
    {
        ConnectTimeout = _connectTimeout,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
