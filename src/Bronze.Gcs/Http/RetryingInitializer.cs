using System.Net;
using Google.Apis.Http;

namespace Bronze.Gcs.Http;

/// <summary>
/// Sets up the client service's HTTP client: credentials (when there are any), the number of tries, and exponential
/// backoff for what Cloud Storage documents as retryable (408, 429, 5xx, dropped connections).
/// </summary>
internal sealed class RetryingInitializer : IConfigurableHttpClientInitializer
{
    private readonly IConfigurableHttpClientInitializer? _credential;
    private readonly int _maxAttempts;

    public RetryingInitializer(IConfigurableHttpClientInitializer? credential, int maxAttempts)
    {
        _credential = credential;
        _maxAttempts = maxAttempts;
    }

    /// <summary>Whether a response status is worth retrying.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The handler that waits before each retry: its limit is above every wait the backoff asks for.</summary>
    internal static BackOffHandler CreateBackOffHandler(int maxRetries) =>
        new(new BackOffHandler.Initializer(new CappedBackOff(maxRetries))
        {
            HandleUnsuccessfulResponseFunc = response => IsTransient(response.StatusCode),
            HandleExceptionFunc = e => e is HttpRequestException or IOException,
            MaxTimeSpan = CappedBackOff.Longest + CappedBackOff.Jitter,
        });

    /// <inheritdoc/>
    public void Initialize(ConfigurableHttpClient httpClient)
    {
        _credential?.Initialize(httpClient);
        httpClient.MessageHandler.NumTries = _maxAttempts;
        BackOffHandler backOff = CreateBackOffHandler(_maxAttempts - 1);
        httpClient.MessageHandler.AddUnsuccessfulResponseHandler(backOff);
        httpClient.MessageHandler.AddExceptionHandler(backOff);
    }
}
