using Amazon.Runtime;
using Bronze.Locations;
using Bronze.S3.Configuration;

namespace Bronze.S3;

/// <summary>
/// Where and how an <see cref="S3Store"/> writes: the bucket, root, timeouts and retries every bucket store has
/// (<see cref="BucketStoreOptions"/>), plus region, endpoint and the knobs that differ between AWS S3 and S3-compatible
/// servers. Every property has a default that works against AWS S3 with only <see cref="BucketStoreOptions.Bucket"/>
/// given, and against Ceph RGW, MinIO or moto with <see cref="ServiceUrl"/> and <see cref="Region"/> added.
/// docs/s3.md is the full reference, including the <c>s3://</c> URL form.
/// </summary>
/// <remarks>
/// <see cref="BucketStoreOptions.RequestTimeout"/> (default 60 seconds) bounds one operation, the SDK's own retries
/// included; an upload gets one more second per MiB of its body, and conditional writes, which the store retries
/// itself, get it for each attempt.
/// </remarks>
public sealed record S3StoreOptions : BucketStoreOptions
{
    /// <summary>The smallest part S3 accepts (except the last one): 5 MiB.</summary>
    public const long MinPartSize = 5L << 20;

    /// <summary>The largest object a single PutObject may write (and the largest part S3 accepts): 5 GiB.</summary>
    public const long MaxSinglePutSize = 5L << 30;

    /// <summary>
    /// The largest part Bronze uploads: 2047 MiB. S3 allows 5 GiB, but a part is held in memory as one array, and a
    /// .NET array holds under 2 GiB.
    /// </summary>
    public const long MaxPartSize = 2047L << 20;

    /// <summary>The most parts a multipart upload may have.</summary>
    public const int MaxPartCount = 10_000;

    /// <summary>Creates options with the defaults (a 60-second <see cref="BucketStoreOptions.RequestTimeout"/>).</summary>
    public S3StoreOptions()
        : base(TimeSpan.FromSeconds(60))
    {
    }

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

    /// <summary>
    /// The size of each multipart part but the last. Default 16 MiB; <see cref="MinPartSize"/> to
    /// <see cref="MaxPartSize"/>.
    /// </summary>
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

    /// <summary>
    /// Explicit credentials. <see langword="null"/> (the default) uses the SDK's default chain: environment
    /// (<c>AWS_ACCESS_KEY_ID</c>...), shared profile, web identity, container and instance roles.
    /// </summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Whether <see cref="ServiceUrl"/> names a server other than AWS S3.</summary>
    public bool IsCustomEndpoint => ServiceUrl is not null;

    /// <summary>
    /// Reads an <c>s3://bucket/root?endpoint=...&amp;region=...</c> URL (see <see cref="S3StoreScheme"/> for the query
    /// options and the variables read from <paramref name="environment"/>).
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <param name="environment">The variables to read; <see langword="null"/> reads none.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming the setting at fault and its rule.
    /// </exception>
    public static S3StoreOptions FromUrl(string url, StoreEnvironment? environment = null) =>
        S3UrlParser.Parse(StoreLocation.Parse(url), environment ?? StoreEnvironment.Empty);

    /// <summary>Checks every value against its rule and returns the options.</summary>
    /// <returns>These options.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming the option and the rule it breaks.
    /// </exception>
    public S3StoreOptions Validate()
    {
        ValidateShared();
        OptionRules.Check(this);
        return this;
    }

    /// <summary>How the store describes itself: <c>s3://bucket[/root]</c>.</summary>
    internal string Description => Describe("s3");
}
