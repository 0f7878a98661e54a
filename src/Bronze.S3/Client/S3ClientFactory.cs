using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Bronze.S3.Client;

/// <summary>Builds the SDK client from <see cref="S3StoreOptions"/>, with defaults that suit AWS and RGW alike.</summary>
internal static class S3ClientFactory
{
    /// <summary>Creates a client.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="maxRetries">
    /// How many times the SDK itself retries a transient failure. Conditional writes pass 0: the store retries them
    /// itself, because a retried write that answers 412 needs a check only the store can make.
    /// </param>
    public static AmazonS3Client Create(S3StoreOptions options, int maxRetries)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle ?? options.IsCustomEndpoint,
            // The store sends its own Content-MD5 and signed payload hash. The SDK's default CRC trailers
            // (aws-chunked with *-TRAILER) are refused by Ceph RGW 16 with XAmzContentSHA256Mismatch.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            ConnectTimeout = options.ConnectTimeout,
            // Each operation gets its own deadline from the store (it depends on the body's size), so the HTTP
            // client's own limit only has to stay out of the way.
            Timeout = TimeSpan.FromHours(12),
            MaxErrorRetry = maxRetries,
            RetryMode = RequestRetryMode.Standard,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.Credentials is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }
}
