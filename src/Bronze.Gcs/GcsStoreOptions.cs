using Bronze.Locations;

namespace Bronze.Gcs;

/// <summary>
/// Where and how a <see cref="GcsStore"/> writes: the bucket, root, timeouts and retries every bucket store has
/// (<see cref="BucketStoreOptions"/>), plus the endpoint, credentials and upload chunk size.
/// </summary>
/// <remarks>
/// Build one with an object initializer or with <see cref="FromUrl"/>. <see cref="GcsStore"/> checks every value when
/// it is constructed and names the one at fault. <see cref="BucketStoreOptions.RequestTimeout"/> (default 2 minutes)
/// bounds one HTTP request: one upload chunk, one page of a listing.
/// </remarks>
public sealed record GcsStoreOptions : BucketStoreOptions
{
    /// <summary>The Cloud Storage endpoint used when <see cref="Endpoint"/> is not set.</summary>
    public static readonly Uri DefaultEndpoint = new("https://storage.googleapis.com/");

    /// <summary>The smallest chunk a resumable upload may use, and the unit every chunk size is a multiple of (256 KiB).</summary>
    public const int ChunkSizeUnit = 256 * 1024;

    /// <summary>The default <see cref="ChunkSize"/>: 16 MiB.</summary>
    public const int DefaultChunkSize = 16 * 1024 * 1024;

    /// <summary>The location default a destination's bucket comes from when its URL names none (<c>gs://</c>).</summary>
    public const string BucketVariable = "GCS_BUCKET";

    /// <summary>
    /// The variable Google's own clients read an emulator's address from (<c>host:port</c> or <c>http://host:port</c>);
    /// when set, <see cref="GcsStoreScheme"/> sends every request there, without credentials.
    /// </summary>
    public const string EmulatorHostVariable = "STORAGE_EMULATOR_HOST";

    /// <summary>Creates options with the defaults (a 2-minute <see cref="BucketStoreOptions.RequestTimeout"/>).</summary>
    public GcsStoreOptions()
        : base(TimeSpan.FromMinutes(2))
    {
    }

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

    /// <summary>How many objects one listing request asks for (the API's maximum, 1,000); smaller only in tests.</summary>
    internal int ListPageSize { get; init; } = 1000;

    /// <summary>
    /// Reads <c>gs://bucket/root</c> (see <see cref="GcsStoreScheme"/> for the variables read from
    /// <paramref name="environment"/>).
    /// </summary>
    /// <param name="url">The store's URL.</param>
    /// <param name="environment">The variables to read; <see langword="null"/> reads none.</param>
    /// <returns>The options, with defaults for everything the URL does not say.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming the setting at fault and its rule.
    /// </exception>
    public static GcsStoreOptions FromUrl(string url, StoreEnvironment? environment = null) =>
        GcsUrl.Parse(StoreLocation.Parse(url), environment ?? StoreEnvironment.Empty);

    /// <summary>Checks every value and returns the options.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the value at fault.</exception>
    internal GcsStoreOptions Validate()
    {
        ValidateShared();
        GcsUrl.ValidateBucket(Bucket, "bucket");
        Uri endpoint = Endpoint ?? DefaultEndpoint;
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw BronzeException.Invalid("endpoint", "be an absolute http:// or https:// URL", endpoint.OriginalString);
        if (ChunkSize < ChunkSizeUnit || ChunkSize % ChunkSizeUnit != 0)
            throw BronzeException.Invalid("chunk_size", $"be a positive multiple of {ChunkSizeUnit} bytes (256 KiB)", ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>How the store describes itself: <c>gs://bucket[/root]</c>.</summary>
    internal string Description => Describe("gs");
}
