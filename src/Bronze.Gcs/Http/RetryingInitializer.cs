using System.Net;
using Google.Apis.Http;
using Google.Apis.Util;

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

    /// <inheritdoc/>
    public void Initialize(ConfigurableHttpClient httpClient)
    {
        _credential?.Initialize(httpClient);
        httpClient.MessageHandler.NumTries = _maxAttempts;
        var backOff = new BackOffHandler(new BackOffHandler.Initializer(new ExponentialBackOff(TimeSpan.FromMilliseconds(250), _maxAttempts))
        {
            HandleUnsuccessfulResponseFunc = response => IsTransient(response.StatusCode),
            HandleExceptionFunc = e => e is HttpRequestException or IOException,
            MaxTimeSpan = TimeSpan.FromSeconds(16),
        });
        httpClient.MessageHandler.AddUnsuccessfulResponseHandler(backOff);
        httpClient.MessageHandler.AddExceptionHandler(backOff);
    }
}
