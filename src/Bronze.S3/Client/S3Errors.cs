using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Bronze.S3.Client;

/// <summary>Turns SDK and network exceptions into <see cref="BronzeException"/>s that say what to do.</summary>
internal static class S3Errors
{
    private static readonly HashSet<string> IntegrityCodes =
        new(["BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch", "InvalidChecksum"], StringComparer.Ordinal);

    private static readonly HashSet<string> CredentialCodes =
        new(["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken", "InvalidToken"], StringComparer.Ordinal);

    private static readonly HashSet<string> TransientCodes =
        new(["SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "Throttling", "RequestTimeTooSkewed"], StringComparer.Ordinal);

    /// <summary>412: the object exists (the write's If-None-Match condition failed).</summary>
    public static bool IsPreconditionFailed(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.PreconditionFailed || e.ErrorCode == "PreconditionFailed";

    /// <summary>409 ConditionalRequestConflict: another conditional write of the key is in progress.</summary>
    public static bool IsConditionalConflict(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.Conflict && e.ErrorCode is "ConditionalRequestConflict" or "OperationAborted";

    /// <summary>404 for an object (not for the bucket).</summary>
    public static bool IsMissingObject(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is not "NoSuchBucket";

    /// <summary>Whether retrying an answer of the server may help: 5xx, 429, throttling and timeout codes.</summary>
    private static bool IsTransientAnswer(AmazonServiceException answer) =>
        (int)answer.StatusCode >= 500 || answer.StatusCode == HttpStatusCode.TooManyRequests || TransientCodes.Contains(answer.ErrorCode);

    /// <summary>The typed error for a failed operation.</summary>
    /// <param name="error">What the SDK or the network threw.</param>
    /// <param name="action">What was being done, e.g. "writing 'a/b.parquet' to s3://bucket/prefix".</param>
    /// <param name="bucket">The bucket, for the no-such-bucket message.</param>
    /// <param name="endpoint">The server, for network messages.</param>
    public static BronzeException Map(Exception error, string action, string bucket, string endpoint)
    {
        if (error is AmazonServiceException { ErrorCode: { } code } service && service.StatusCode != 0)
        {
            string said = string.IsNullOrWhiteSpace(service.Message) ? "" : $": {service.Message.TrimEnd('.')}";
            string detail = $"{action} failed: {code} (HTTP {(int)service.StatusCode}){said}.";
            if (code == "NoSuchBucket")
                return new(BronzeErrorKind.StoreFailure, $"{action} failed: bucket '{bucket}' does not exist on {endpoint}.", field: "bucket", innerException: error);
            if (CredentialCodes.Contains(code) || service.StatusCode == HttpStatusCode.Forbidden)
                return new(BronzeErrorKind.StoreFailure, detail + " Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_PROFILE).", field: "credentials", innerException: error);
            if (IntegrityCodes.Contains(code))
                return new(BronzeErrorKind.IntegrityMismatch, detail + " The server refused the bytes as corrupted; nothing was stored.", innerException: error);
            return new(BronzeErrorKind.StoreFailure, detail, isTransient: IsTransientAnswer(service), innerException: error);
        }

        if (FindNetworkError(error) is { } network)
            return new(BronzeErrorKind.StoreFailure, $"{action} failed: could not talk to {endpoint}: {network.Message}", isTransient: true, innerException: error);
        if (error is AmazonClientException client && client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
            return new(BronzeErrorKind.StoreFailure, $"{action} failed: no AWS credentials found ({client.Message}). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.", field: "credentials", innerException: error);
        return new(BronzeErrorKind.StoreFailure, $"{action} failed: {error.Message}", isTransient: false, innerException: error);
    }

    /// <summary>The typed error for an operation that ran out of time.</summary>
    public static BronzeException TimedOut(string action, TimeSpan timeout, string endpoint, Exception error) =>
        new(BronzeErrorKind.StoreFailure, $"{action} failed: {endpoint} did not finish within {timeout.TotalSeconds:0.#} s (request-timeout).", isTransient: true, innerException: error);

    private static Exception? FindNetworkError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException or HttpRequestException or IOException or WebException) return e;
        }

        return null;
    }
}
