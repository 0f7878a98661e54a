using Bronze.Locations;

namespace Bronze.Gcs;

/// <summary>Turns <c>gs://</c> locations, bucket names and emulator addresses into <see cref="GcsStoreOptions"/>.</summary>
internal static class GcsUrl
{
    /// <summary>Builds options from a location and the environment (see <see cref="GcsStoreScheme"/>).</summary>
    public static GcsStoreOptions Parse(StoreLocation location, StoreEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(environment);
        if (location.Scheme != GcsStoreScheme.Scheme)
            throw BronzeException.Invalid(StoreLocation.Field, "start with gs:// (gs://bucket/root)", location.Text);
        if (location.Options.Count > 0)
            throw BronzeException.Invalid(StoreLocation.Field, "have no query options (gs://bucket/root)", location.Text);

        string bucket = location.Bucket;
        if (bucket.Length == 0)
        {
            bucket = environment.LocationDefault(GcsStoreOptions.BucketVariable) ?? throw BronzeException.Invalid(
                "bucket",
                environment.FillsLocation ? $"be given in the URL (gs://bucket/root) or in {GcsStoreOptions.BucketVariable}" : "be given in the URL (gs://bucket/root)",
                location.Text);
        }

        Uri? endpoint = ParseEmulatorHost(environment.Client(GcsStoreOptions.EmulatorHostVariable));
        return new GcsStoreOptions { Bucket = bucket, Root = location.Root, Endpoint = endpoint, Anonymous = endpoint is not null }.Validate();
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
            throw new BronzeException(
                BronzeErrorKind.InvalidInput,
                BronzeException.Invalid(GcsStoreOptions.EmulatorHostVariable, "be host:port or http://host:port (e.g. 127.0.0.1:9199)", value).Message,
                field: "endpoint");
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
