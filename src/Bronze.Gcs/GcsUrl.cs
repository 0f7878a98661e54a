using Bronze.Errors;
using Bronze.Storage;

namespace Bronze.Gcs;

/// <summary>Parses <c>gs://</c> URLs, bucket names and emulator addresses into <see cref="GcsStoreOptions"/>.</summary>
internal static class GcsUrl
{
    private const string Scheme = "gs://";

    /// <summary>Builds options from a URL and the environment (see <see cref="GcsStoreOptions.FromUrl(string?)"/>).</summary>
    public static GcsStoreOptions Parse(string? url, Func<string, string?> environment)
    {
        string bucket = "";
        string prefix = "";
        bool hasPath = false;
        if (!string.IsNullOrEmpty(url))
        {
            if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
                throw BronzeException.Invalid("url", "start with gs:// (gs://bucket/prefix)", url);
            string rest = url[Scheme.Length..];
            if (rest.IndexOfAny(['?', '#']) >= 0)
                throw BronzeException.Invalid("url", "have no query or fragment (gs://bucket/prefix)", url);
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            bucket = slash < 0 ? rest : rest[..slash];
            if (slash >= 0)
            {
                prefix = rest[(slash + 1)..].TrimEnd('/');
                hasPath = prefix.Length > 0;
            }
        }

        string bucketField = "url";
        if (bucket.Length == 0)
        {
            bucket = environment(GcsStoreOptions.BucketVariable) ?? "";
            bucketField = GcsStoreOptions.BucketVariable;
            if (bucket.Length == 0)
                throw BronzeException.Invalid("url", $"name a bucket (gs://bucket/prefix), or {GcsStoreOptions.BucketVariable} must be set", url ?? "");
        }

        ValidateBucket(bucket, bucketField);
        string prefixField = "url";
        if (!hasPath)
        {
            prefix = (environment(GcsStoreOptions.PrefixVariable) ?? "").Trim('/');
            prefixField = GcsStoreOptions.PrefixVariable;
        }

        if (prefix.Length > 0) ObjectKey.Validate(prefix, prefixField);
        Uri? endpoint = ParseEmulatorHost(environment(GcsStoreOptions.EmulatorHostVariable));
        return new GcsStoreOptions { Bucket = bucket, Prefix = prefix, Endpoint = endpoint, Anonymous = endpoint is not null };
    }

    /// <summary>
    /// Reads an emulator address the way Google's clients do: <c>host:port</c> or <c>http(s)://host:port[/]</c>.
    /// </summary>
    /// <returns>The endpoint's root URL, or <see langword="null"/> when <paramref name="value"/> is empty.</returns>
    public static Uri? ParseEmulatorHost(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        string withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Host.Length == 0)
        {
            throw BronzeException.Invalid(
                GcsStoreOptions.EmulatorHostVariable, "be host:port or http://host:port (e.g. 127.0.0.1:9199)", value);
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Checks a bucket name against Cloud Storage's naming rules.</summary>
    public static void ValidateBucket(string bucket, string field)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        const string Rule = "name a bucket of 3 to 63 characters a-z 0-9 - _ ., starting and ending with a letter or digit";
        if (bucket.Length is < 3 or > 63 || !IsLetterOrDigit(bucket[0]) || !IsLetterOrDigit(bucket[^1]))
            throw BronzeException.Invalid(field, Rule, bucket);
        foreach (char c in bucket)
        {
            if (!IsLetterOrDigit(c) && c is not ('-' or '_' or '.')) throw BronzeException.Invalid(field, Rule, bucket);
        }

        if (bucket.Contains("..", StringComparison.Ordinal)) throw BronzeException.Invalid(field, Rule + " and no '..'", bucket);
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
