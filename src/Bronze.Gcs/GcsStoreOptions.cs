using Bronze.Errors;
using Bronze.Storage;

namespace Bronze.Gcs;

/// <summary>Where and how a <see cref="GcsStore"/> writes: bucket, prefix, endpoint and transport limits.</summary>
/// <remarks>
/// Build one with an object initializer or with <see cref="FromUrl(string?)"/>. <see cref="GcsStore"/> checks every
/// value when it is constructed and names the one at fault.
/// </remarks>
public sealed record GcsStoreOptions
{
    /// <summary>The Cloud Storage endpoint used when <see cref="Endpoint"/> is not set.</summary>
    public static readonly Uri DefaultEndpoint = new("https://storage.googleapis.com/");

    /// <summary>The smallest chunk a resumable upload may use, and the unit every chunk size is a multiple of (256 KiB).</summary>
    public const int ChunkSizeUnit = 256 * 1024;

    /// <summary>The default <see cref="ChunkSize"/>: 16 MiB.</summary>
    public const int DefaultChunkSize = 16 * 1024 * 1024;

    /// <summary>The variable <see cref="FromUrl(string?)"/> reads the bucket from when the URL names none.</summary>
    public const string BucketVariable = "GCS_BUCKET";

    /// <summary>The variable <see cref="FromUrl(string?)"/> reads the prefix from when the URL has no path.</summary>
    public const string PrefixVariable = "STORAGE_PREFIX";

    /// <summary>
    /// The variable Google's own clients read an emulator's address from (<c>host:port</c> or <c>http://host:port</c>);
    /// when set, <see cref="FromUrl(string?)"/> sends every request there, without credentials.
    /// </summary>
    public const string EmulatorHostVariable = "STORAGE_EMULATOR_HOST";

    /// <summary>The bucket's name (required): 3 to 63 characters of <c>a-z 0-9 - _ .</c>, starting and ending with a letter or digit.</summary>
    public required string Bucket { get; init; }

    /// <summary>
    /// The object-name prefix under which the store's keys live, without leading or trailing <c>/</c>; empty (the
    /// default) puts keys at the bucket's root. It follows <see cref="ObjectKey"/>'s rules.
    /// </summary>
    public string Prefix { get; init; } = "";

    /// <summary>
    /// The server's root URL, e.g. <c>http://127.0.0.1:9199/</c> for an emulator; <see langword="null"/> (the default)
    /// means <see cref="DefaultEndpoint"/>. The JSON API lives under <c>storage/v1/</c> and uploads under
    /// <c>upload/storage/v1/</c> of it.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// Whether to send requests without credentials, as emulators expect; <see langword="false"/> (the default) uses
    /// the application default credentials (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, gcloud's login, the metadata server).
    /// </summary>
    public bool Anonymous { get; init; }

    /// <summary>
    /// The size of each resumable-upload chunk, a multiple of <see cref="ChunkSizeUnit"/>; default
    /// <see cref="DefaultChunkSize"/>. An upload holds at most one chunk in memory; objects larger than a chunk are
    /// sent in several requests.
    /// </summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>How long to wait for a TCP connection to the endpoint; default 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one HTTP request (one upload chunk, one page of a listing) may take; default 2 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many times one request is tried when it fails transiently (429, 5xx, dropped connection), with
    /// exponential backoff between tries; default 4, at most 20.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>How many objects one listing request asks for (the API's maximum, 1,000); smaller only in tests.</summary>
    internal int ListPageSize { get; init; } = 1000;

    /// <summary>
    /// Reads <c>gs://bucket/prefix</c>, falling back to <see cref="BucketVariable"/> when the URL names no bucket
    /// (<c>gs://</c>, or <paramref name="url"/> empty) and to <see cref="PrefixVariable"/> when it has no path; when
    /// <see cref="EmulatorHostVariable"/> is set, the options point at that emulator and are anonymous.
    /// </summary>
    /// <param name="url">The store's URL; <see langword="null"/> or empty takes everything from the environment.</param>
    /// <returns>The options, with defaults for everything the URL does not say.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming the URL part or variable at fault.
    /// </exception>
    public static GcsStoreOptions FromUrl(string? url) => GcsUrl.Parse(url, Environment.GetEnvironmentVariable);

    /// <summary>Checks every value and returns the options.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the value at fault.</exception>
    internal GcsStoreOptions Validate()
    {
        GcsUrl.ValidateBucket(Bucket, "bucket");
        if (Prefix.Length > 0) ObjectKey.Validate(Prefix, "prefix");
        Uri endpoint = Endpoint ?? DefaultEndpoint;
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw BronzeException.Invalid("endpoint", "be an absolute http:// or https:// URL", endpoint.OriginalString);
        if (ChunkSize < ChunkSizeUnit || ChunkSize % ChunkSizeUnit != 0)
            throw BronzeException.Invalid("chunk size", $"be a positive multiple of {ChunkSizeUnit} bytes (256 KiB)", ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ConnectTimeout <= TimeSpan.Zero)
            throw BronzeException.Invalid("connect timeout", "be positive", ConnectTimeout.ToString());
        if (RequestTimeout <= TimeSpan.Zero)
            throw BronzeException.Invalid("request timeout", "be positive", RequestTimeout.ToString());
        if (MaxAttempts is < 1 or > 20)
            throw BronzeException.Invalid("max attempts", "be between 1 and 20", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }
}
