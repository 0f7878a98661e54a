using Amazon.Runtime;
using Bronze.S3.Configuration;

namespace Bronze.S3;

/// <summary>
/// Where and how an <see cref="S3Store"/> writes: bucket, prefix, region, endpoint and the knobs that differ between
/// AWS S3 and S3-compatible servers. Every property has a default that works against AWS S3 with only
/// <see cref="Bucket"/> given, and against Ceph RGW, MinIO or moto with <see cref="ServiceUrl"/> and
/// <see cref="Region"/> added. docs/s3.md is the full reference, including the <c>s3://</c> URL form.
/// </summary>
public sealed record S3StoreOptions
{
    /// <summary>The smallest part S3 accepts (except the last one): 5 MiB.</summary>
    public const long MinPartSize = 5L << 20;

    /// <summary>The largest object a single PutObject may write, and the largest part: 5 GiB.</summary>
    public const long MaxSinglePutSize = 5L << 30;

    /// <summary>The most parts a multipart upload may have.</summary>
    public const int MaxPartCount = 10_000;

    /// <summary>The bucket. Required.</summary>
    public required string Bucket { get; init; }

    /// <summary>
    /// The store's root inside the bucket: keys are relative to it. Empty (the default) means the bucket's root;
    /// otherwise segments joined by single <c>/</c>, without leading or trailing <c>/</c>.
    /// </summary>
    public string Prefix { get; init; } = "";

    /// <summary>The region used to sign requests and, without <see cref="ServiceUrl"/>, to find AWS. Default <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>
    /// A custom endpoint (Ceph RGW, MinIO, R2, B2, moto), e.g. <c>http://127.0.0.1:7480</c>. <see langword="null"/>
    /// (the default) means AWS S3 in <see cref="Region"/>.
    /// </summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>
    /// Path-style addressing (<c>endpoint/bucket/key</c>) instead of virtual-hosted (<c>bucket.endpoint/key</c>).
    /// <see langword="null"/> (the default) means on with a custom <see cref="ServiceUrl"/>, off on AWS.
    /// </summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>
    /// Whether the server honours <c>If-None-Match: *</c> on CompleteMultipartUpload, so that multipart uploads are
    /// put-if-absent too. <see langword="null"/> (the default) means on for AWS S3 and off with a custom
    /// <see cref="ServiceUrl"/>: Ceph RGW 16 ignores the condition and would silently overwrite. When off, every
    /// object is written with one conditional PutObject, so objects above 5 GiB are refused with an error.
    /// </summary>
    public bool? ConditionalMultipart { get; init; }

    /// <summary>
    /// Whether to send <c>x-amz-checksum-sha256</c> with single-part uploads (the server verifies and stores it, and
    /// the value it reports back is checked). <see langword="null"/> (the default) means on for AWS S3 and off with a
    /// custom <see cref="ServiceUrl"/> (Ceph RGW 16 does not support it). Content-MD5 and the signed payload sha256
    /// are always sent.
    /// </summary>
    public bool? ChecksumSha256 { get; init; }

    /// <summary>
    /// Objects at least this large are written with a multipart upload when <see cref="ConditionalMultipart"/> is on.
    /// Default 64 MiB; at least <see cref="MinPartSize"/>.
    /// </summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>The size of each multipart part but the last. Default 16 MiB; 5 MiB to 5 GiB.</summary>
    public long PartSize { get; init; } = 16L << 20;

    /// <summary>
    /// How many parts are uploaded at once. Default 4; 1 to 64. Memory held by one upload is at most this many
    /// parts.
    /// </summary>
    public int MaxParallelParts { get; init; } = 4;

    /// <summary>
    /// A stream at most this long is held in memory before it is uploaded; a longer one is spooled to a temporary
    /// file (bounded memory). Default 8 MiB; 0 to 256 MiB.
    /// </summary>
    public int MemoryBufferSize { get; init; } = 8 << 20;

    /// <summary>Where spooled streams go; <see langword="null"/> (the default) means <see cref="Path.GetTempPath"/>.</summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>How long to wait for a TCP connection to the server. Default 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one operation may take, the SDK's own retries included; an upload gets one more second per MiB of its
    /// body. Conditional writes, which the store retries itself, get this deadline for each attempt. Default 60 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many times a transient failure (5xx, 503 SlowDown, timeouts, dropped connections) is retried, with
    /// exponential backoff and jitter. Default 4; 0 to 20.
    /// </summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>
    /// Explicit credentials. <see langword="null"/> (the default) uses the SDK's default chain: environment
    /// (<c>AWS_ACCESS_KEY_ID</c>...), shared profile, web identity, container and instance roles.
    /// </summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Whether <see cref="ServiceUrl"/> names a server other than AWS S3.</summary>
    public bool IsCustomEndpoint => ServiceUrl is not null;

    /// <summary>
    /// Parses an <c>s3://bucket/prefix?endpoint=...&amp;region=...</c> URL. Parts the URL leaves out come from the
    /// environment: <c>S3_BUCKET</c> (for <c>s3://</c> alone), <c>STORAGE_PREFIX</c>, <c>S3_ENDPOINT</c>,
    /// <c>S3_REGION</c> (then <c>AWS_REGION</c>). Query options: <c>endpoint</c>, <c>region</c>, <c>path-style</c>,
    /// <c>conditional-multipart</c>, <c>checksum-sha256</c>, <c>multipart-threshold</c>, <c>part-size</c>,
    /// <c>parallel-parts</c>, <c>memory-buffer</c>, <c>spool-dir</c>, <c>connect-timeout</c>,
    /// <c>request-timeout</c>, <c>max-retries</c>, <c>anonymous</c> (unsigned requests, for public buckets) (sizes like <c>16MiB</c>, durations like <c>5s</c>).
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="Errors.BronzeException">
    /// <see cref="Errors.BronzeErrorKind.InvalidInput"/> naming the URL part, option or variable at fault.
    /// </exception>
    public static S3StoreOptions FromUrl(string url) => S3UrlParser.Parse(url, Environment.GetEnvironmentVariable);

    /// <summary>Checks every value against its rule and returns the options.</summary>
    /// <returns>These options.</returns>
    /// <exception cref="Errors.BronzeException">
    /// <see cref="Errors.BronzeErrorKind.InvalidInput"/> naming the option and the rule it breaks.
    /// </exception>
    public S3StoreOptions Validate()
    {
        OptionRules.Check(this);
        return this;
    }
}
