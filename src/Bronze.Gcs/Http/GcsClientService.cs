using Google.Apis.Services;

namespace Bronze.Gcs.Http;

/// <summary>
/// The Cloud Storage JSON API as a Google.Apis client service: it carries the configured HTTP client (credentials,
/// retry with backoff, timeouts) and the JSON serializer, like the generated storage client would.
/// </summary>
internal sealed class GcsClientService : BaseClientService
{
    /// <summary>The JSON API's path under the endpoint; uploads live under <c>upload/</c> plus this.</summary>
    public const string ApiPath = "storage/v1/";

    public GcsClientService(Initializer initializer)
        : base(initializer)
    {
    }

    /// <inheritdoc/>
    public override string Name => "storage";

    /// <inheritdoc/>
    public override string BaseUri => BaseUriOverride;

    /// <inheritdoc/>
    public override string BasePath => ApiPath;

    /// <inheritdoc/>
    public override IList<string> Features => [];

    /// <inheritdoc/>
    public override string? BatchUri => null;

    /// <inheritdoc/>
    public override string? BatchPath => null;
}
