using Bronze.Locations;

namespace Bronze.S3.Configuration;

/// <summary>
/// Turns an <c>s3://bucket/root?option=value&amp;...</c> <see cref="StoreLocation"/> into <see cref="S3StoreOptions"/>.
/// The URL is the primary source; location defaults in the environment fill only what it leaves out.
/// </summary>
internal static class S3UrlParser
{
    public const string BucketVariable = "S3_BUCKET";
    public const string EndpointVariable = "S3_ENDPOINT";
    public const string RegionVariable = "S3_REGION";
    public const string AwsRegionVariable = "AWS_REGION";

    /// <summary>The query options, in the order docs/s3.md lists them.</summary>
    public static readonly string[] OptionNames =
    [
        "endpoint", "region", "path-style", "conditional-multipart", "checksum-sha256", "multipart-threshold", "part-size",
        "parallel-parts", "memory-buffer", "spool-dir", "connect-timeout", "request-timeout", "max-retries", "anonymous",
    ];

    public static S3StoreOptions Parse(StoreLocation location, StoreEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(environment);
        if (location.Scheme != S3StoreScheme.Scheme)
            throw BronzeException.Invalid(StoreLocation.Field, "be an s3:// URL such as s3://bucket/root?endpoint=http://127.0.0.1:7480", location.Text);

        string bucket = location.Bucket.Length > 0 ? location.Bucket : environment.LocationDefault(BucketVariable) ?? throw BronzeException.Invalid(
            "bucket", environment.FillsLocation ? $"be given in the URL (s3://bucket/...) or in {BucketVariable}" : "be given in the URL (s3://bucket/...)", location.Text);
        var options = new S3StoreOptions
        {
            Bucket = bucket,
            Root = location.Root,
            Region = environment.LocationDefault(RegionVariable) ?? environment.Client(AwsRegionVariable) ?? "us-east-1",
            ServiceUrl = environment.LocationDefault(EndpointVariable) is { } endpoint ? Endpoint(endpoint, EndpointVariable) : null,
        };
        foreach ((string name, string value) in location.Options) options = Apply(options, name, value);
        return options.Validate();
    }

    private static S3StoreOptions Apply(S3StoreOptions o, string name, string value)
    {
        // One vocabulary for fields: the setting's snake-case name (part_size), whatever spelling the URL uses.
        string field = name.Replace('-', '_');
        return name switch
        {
            "endpoint" => o with { ServiceUrl = Endpoint(value, null) },
            "region" => o with { Region = value },
            "path-style" => o with { ForcePathStyle = OptionValues.Bool(field, value) },
            "conditional-multipart" => o with { ConditionalMultipart = OptionValues.Bool(field, value) },
            "checksum-sha256" => o with { ChecksumSha256 = OptionValues.Bool(field, value) },
            "multipart-threshold" => o with { MultipartThreshold = OptionValues.Size(field, value) },
            "part-size" => o with { PartSize = OptionValues.Size(field, value) },
            "parallel-parts" => o with { MaxParallelParts = OptionValues.Int(field, value) },
            "memory-buffer" => o with { MemoryBufferSize = checked((int)Math.Min(OptionValues.Size(field, value), int.MaxValue)) },
            "spool-dir" => o with { SpoolDirectory = value },
            "connect-timeout" => o with { ConnectTimeout = OptionValues.Duration(field, value) },
            "request-timeout" => o with { RequestTimeout = OptionValues.Duration(field, value) },
            "max-retries" => o with { MaxRetries = OptionValues.Int(field, value) },
            "anonymous" => o with { Credentials = OptionValues.Bool(field, value) ? new Amazon.Runtime.AnonymousAWSCredentials() : null },
            _ => throw BronzeException.Invalid(StoreLocation.Field, $"use only the documented s3:// options ({string.Join(", ", OptionNames)})", name),
        };
    }

    /// <summary>An endpoint from the URL (<paramref name="variable"/> null) or from a variable, which the message then names.</summary>
    private static Uri Endpoint(string text, string? variable)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
        const string Rule = "be an absolute http:// or https:// URL such as http://127.0.0.1:7480";
        BronzeException invalid = BronzeException.Invalid("endpoint", Rule, text);
        return variable is null ? throw invalid : throw new BronzeException(
            BronzeErrorKind.InvalidInput, variable + invalid.Message["endpoint".Length..], field: "endpoint");
    }
}
