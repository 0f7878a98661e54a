using Bronze.Errors;

namespace Bronze.S3.Configuration;

/// <summary>
/// Turns <c>s3://bucket/prefix?option=value&amp;...</c> into <see cref="S3StoreOptions"/>. The URL is the primary
/// source; the environment fills only what the URL leaves out.
/// </summary>
internal static class S3UrlParser
{
    public const string BucketVariable = "S3_BUCKET";
    public const string PrefixVariable = "STORAGE_PREFIX";
    public const string EndpointVariable = "S3_ENDPOINT";
    public const string RegionVariable = "S3_REGION";
    public const string AwsRegionVariable = "AWS_REGION";

    private const string Field = "dest";

    public static S3StoreOptions Parse(string url, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(environment);
        const string Scheme = "s3://";
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw BronzeException.Invalid(Field, "be an s3:// URL such as s3://bucket/prefix?endpoint=http://127.0.0.1:7480", url);

        string rest = url[Scheme.Length..];
        string query = "";
        int q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        if (rest.Contains('#', StringComparison.Ordinal)) throw BronzeException.Invalid(Field, "not contain a fragment ('#')", url);

        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? rest : rest[..slash];
        string prefix = slash < 0 ? "" : rest[(slash + 1)..].TrimEnd('/');
        if (bucket.Length == 0) bucket = Env(environment, BucketVariable) ?? throw BronzeException.Invalid(
            "bucket", $"be given in the URL (s3://bucket/...) or in {BucketVariable}", url);
        if (prefix.Length == 0) prefix = Env(environment, PrefixVariable)?.Trim('/') ?? "";

        var options = new S3StoreOptions
        {
            Bucket = bucket,
            Prefix = prefix,
            Region = Env(environment, RegionVariable) ?? Env(environment, AwsRegionVariable) ?? "us-east-1",
            ServiceUrl = Env(environment, EndpointVariable) is { } endpoint ? Endpoint(endpoint, EndpointVariable) : null,
        };
        foreach ((string name, string value) in QueryPairs(query, url)) options = Apply(options, name, value);
        return options.Validate();
    }

    private static S3StoreOptions Apply(S3StoreOptions o, string name, string value) => name switch
    {
        "endpoint" => o with { ServiceUrl = Endpoint(value, "endpoint") },
        "region" => o with { Region = value },
        "path-style" => o with { ForcePathStyle = OptionValues.Bool(name, value) },
        "conditional-multipart" => o with { ConditionalMultipart = OptionValues.Bool(name, value) },
        "checksum-sha256" => o with { ChecksumSha256 = OptionValues.Bool(name, value) },
        "multipart-threshold" => o with { MultipartThreshold = OptionValues.Size(name, value) },
        "part-size" => o with { PartSize = OptionValues.Size(name, value) },
        "parallel-parts" => o with { MaxParallelParts = OptionValues.Int(name, value) },
        "memory-buffer" => o with { MemoryBufferSize = checked((int)Math.Min(OptionValues.Size(name, value), int.MaxValue)) },
        "spool-dir" => o with { SpoolDirectory = value },
        "connect-timeout" => o with { ConnectTimeout = OptionValues.Duration(name, value) },
        "request-timeout" => o with { RequestTimeout = OptionValues.Duration(name, value) },
        "max-retries" => o with { MaxRetries = OptionValues.Int(name, value) },
        "anonymous" => o with { Credentials = OptionValues.Bool(name, value) ? new Amazon.Runtime.AnonymousAWSCredentials() : null },
        _ => throw BronzeException.Invalid(Field, "use only the documented options (endpoint, region, path-style, "
            + "conditional-multipart, checksum-sha256, multipart-threshold, part-size, parallel-parts, memory-buffer, "
            + "spool-dir, connect-timeout, request-timeout, max-retries, anonymous)", name),
    };

    private static IEnumerable<(string Name, string Value)> QueryPairs(string query, string url)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw BronzeException.Invalid(Field, "have query options of the form name=value", pair);
            string name = Uri.UnescapeDataString(pair[..eq]).ToLowerInvariant();
            string value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!seen.Add(name)) throw BronzeException.Invalid(Field, $"give the option '{name}' only once", url);
            if (value.Length == 0) throw BronzeException.Invalid(name, "not be empty");
            yield return (name, value);
        }
    }

    private static Uri Endpoint(string text, string field) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw BronzeException.Invalid(field, "be an absolute http:// or https:// URL such as http://127.0.0.1:7480", text);

    private static string? Env(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value.Trim() : null;
}
