using Bronze.Locations;
using Bronze.S3.Configuration;
using Bronze.Storage;

namespace Bronze.S3;

/// <summary>
/// Opens <c>s3://bucket/root?option=value&amp;...</c> locations as <see cref="S3Store"/>s; register it in
/// <see cref="StoreSchemes"/>. docs/s3.md lists the query options (<c>endpoint</c>, <c>region</c>, <c>part-size</c>,
/// <c>anonymous</c>...).
/// </summary>
/// <remarks>
/// From the <see cref="StoreEnvironment"/>: the location defaults <c>S3_BUCKET</c> (for <c>s3://</c> alone),
/// <c>S3_ENDPOINT</c> and <c>S3_REGION</c>, and the client variable <c>AWS_REGION</c>. The URL wins over every
/// variable. Credentials come from the AWS SDK's default chain unless <c>anonymous=true</c>.
/// </remarks>
public sealed class S3StoreScheme : IStoreScheme
{
    /// <summary>The scheme's name: <c>s3</c>.</summary>
    public const string Scheme = "s3";

    /// <summary>The one instance.</summary>
    public static S3StoreScheme Instance { get; } = new();

    /// <inheritdoc />
    public string Name => Scheme;

    /// <inheritdoc />
    public string Example => "s3://bucket/root?endpoint=URL&region=R";

    /// <inheritdoc />
    public IObjectStore Open(StoreLocation location, StoreEnvironment environment) => new S3Store(S3UrlParser.Parse(location, environment));
}
