using System.Net;
using Google;

namespace Bronze.Gcs.Http;

/// <summary>Turns what the HTTP stack throws or answers into <see cref="BronzeException"/>s a caller can act on.</summary>
internal static class GcsErrors
{
    private const int ShownBody = 300;

    /// <summary>The error for a response with an unsuccessful status.</summary>
    public static async Task<BronzeException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            body = "";
        }

        return FromStatus(response.StatusCode, what, body.Length > ShownBody ? body[..ShownBody] + "..." : body);
    }

    /// <summary>The error for a status code and the server's message.</summary>
    public static BronzeException FromStatus(HttpStatusCode status, string what, string? message)
    {
        string detail = string.IsNullOrWhiteSpace(message) ? "" : $": {message.Trim()}";
        int code = (int)status;
        return status switch
        {
            HttpStatusCode.NotFound => new BronzeException(BronzeErrorKind.NotFound, $"{what}: not found (HTTP 404){detail}"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new BronzeException(
                BronzeErrorKind.StoreFailure, $"{what}: permission denied (HTTP {code}); check the credentials and the bucket's IAM{detail}"),
            _ when RetryingInitializer.IsTransient(status) => new BronzeException(
                BronzeErrorKind.StoreFailure, $"{what}: the server failed (HTTP {code}){detail}", isTransient: true),
            _ => new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server refused the request (HTTP {code}){detail}"),
        };
    }

    /// <summary>Whether <paramref name="e"/> comes from the server or the way to it (and so goes through <see cref="FromException"/>).</summary>
    public static bool IsStoreFailure(Exception e) =>
        e is GoogleApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException;

    /// <summary>
    /// The error for an exception from the HTTP stack; cancellation the caller asked for stays an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Exception FromException(Exception e, string what, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return new OperationCanceledException(cancellationToken);
        return e switch
        {
            BronzeException => e,
            GoogleApiException api when api.HttpStatusCode != 0 => FromStatus(api.HttpStatusCode, what, api.Error?.Message ?? api.Message),
            OperationCanceledException or TimeoutException => new BronzeException(
                BronzeErrorKind.StoreFailure, $"{what}: the request timed out", isTransient: true, innerException: e),
            HttpRequestException or IOException => new BronzeException(
                BronzeErrorKind.StoreFailure, $"{what}: the server could not be reached ({e.Message})", isTransient: true, innerException: e),
            _ => new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: {e.Message}", innerException: e),
        };
    }
}
