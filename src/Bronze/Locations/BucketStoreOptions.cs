using System.Globalization;
using Bronze.Storage;

namespace Bronze.Locations;

/// <summary>
/// What every bucket-based store's options share (S3, Cloud Storage): the bucket, the store's root inside it, timeouts
/// and retries. Each store's options add only what is theirs.
/// </summary>
/// <remarks>
/// The store's <see cref="Root"/> is where its keys start; a dataset's prefix (<c>CopierOptions.Prefix</c>) is a
/// separate thing, inside the store. Errors name these settings <c>bucket</c>, <c>root</c>, <c>connect_timeout</c>,
/// <c>request_timeout</c> and <c>max_retries</c>.
/// </remarks>
public abstract record BucketStoreOptions
{
    /// <summary>
    /// The most retries <see cref="MaxRetries"/> allows: 19, so that a request is tried at most 20 times, the most
    /// Google's HTTP client (under the GCS store) accepts.
    /// </summary>
    public const int MaxRetriesLimit = 19;

    /// <summary>Sets the defaults, with the store's own default <see cref="RequestTimeout"/>.</summary>
    /// <param name="requestTimeout">The default <see cref="RequestTimeout"/>.</param>
    protected BucketStoreOptions(TimeSpan requestTimeout) => RequestTimeout = requestTimeout;

    /// <summary>The bucket. Required; each store checks its service's naming rules.</summary>
    public required string Bucket { get; init; }

    /// <summary>
    /// The store's root inside the bucket: keys are relative to it. Empty (the default) means the bucket's root;
    /// otherwise segments joined by single <c>/</c>, without leading or trailing <c>/</c>, following
    /// <see cref="ObjectKey"/>'s rules.
    /// </summary>
    public string Root { get; init; } = "";

    /// <summary>How long to wait for a TCP connection to the server. Default 5 seconds; more than zero, at most a day.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one request may take (each store says what one request covers). More than zero, at most a day; the
    /// default is the store's.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; }

    /// <summary>
    /// How many times a request that failed transiently (throttling, 5xx, timeouts, dropped connections) is tried
    /// again, with exponential backoff: a request is tried at most <c>MaxRetries + 1</c> times. Default 4; 0 to
    /// <see cref="MaxRetriesLimit"/>.
    /// </summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Checks the shared settings (the bucket's naming rules are each store's).</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the setting and its rule.</exception>
    protected void ValidateShared()
    {
        if (string.IsNullOrEmpty(Bucket)) throw BronzeException.Invalid("bucket", "not be empty");
        if (Root is null) throw BronzeException.Invalid("root", "not be null");
        if (Root.Length > 0) ObjectKey.Validate(Root, "root");
        Positive("connect_timeout", ConnectTimeout);
        Positive("request_timeout", RequestTimeout);
        if (MaxRetries is < 0 or > MaxRetriesLimit)
            throw BronzeException.Invalid("max_retries", $"be between 0 and {MaxRetriesLimit}", MaxRetries.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>How the store describes itself: <c>scheme://bucket</c> or <c>scheme://bucket/root</c>.</summary>
    /// <param name="scheme">The URL scheme, e.g. <c>s3</c>.</param>
    protected string Describe(string scheme) => Root.Length == 0 ? $"{scheme}://{Bucket}" : $"{scheme}://{Bucket}/{Root}";

    private static void Positive(string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
            throw BronzeException.Invalid(field, "be more than zero and at most a day", value.ToString());
    }
}
