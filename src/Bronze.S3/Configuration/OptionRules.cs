
namespace Bronze.S3.Configuration;

/// <summary>
/// The rule each S3-only <see cref="S3StoreOptions"/> value follows, checked before any request is made (the shared
/// ones are <see cref="Locations.BucketStoreOptions"/>'s). Fields are named in snake case (<c>part_size</c> for the
/// URL's <c>part-size</c>).
/// </summary>
internal static class OptionRules
{
    public static void Check(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckBucket(options.Bucket);
        CheckRegion(options.Region);
        if (options.ServiceUrl is { } url) CheckEndpoint(url);
        InRange("part_size", options.PartSize, S3StoreOptions.MinPartSize, S3StoreOptions.MaxPartSize);
        InRange("multipart_threshold", options.MultipartThreshold, S3StoreOptions.MinPartSize, long.MaxValue);
        InRange("parallel_parts", options.MaxParallelParts, 1, 64);
        InRange("memory_buffer", options.MemoryBufferSize, 0, 256L << 20);
        if (options.SpoolDirectory is { Length: 0 }) throw BronzeException.Invalid("spool_dir", "not be empty");
    }

    /// <summary>S3's bucket naming rules: 3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit.</summary>
    private static void CheckBucket(string bucket)
    {
        const string Rule = "be 3 to 63 characters of a-z 0-9 . - that start and end with a letter or digit";
        if (bucket.Length is < 3 or > 63 || !IsLetterOrDigit(bucket[0]) || !IsLetterOrDigit(bucket[^1])
            || bucket.Any(c => !IsLetterOrDigit(c) && c is not '.' and not '-'))
        {
            throw BronzeException.Invalid("bucket", Rule, bucket);
        }
    }

    private static void CheckRegion(string? region)
    {
        if (string.IsNullOrEmpty(region)) throw BronzeException.Invalid("region", "not be empty");
        if (region.Length > 64 || region.Any(c => !IsLetterOrDigit(c) && c != '-'))
            throw BronzeException.Invalid("region", "use only a-z 0-9 and '-' (e.g. us-east-1)", region);
    }

    private static void CheckEndpoint(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
            throw BronzeException.Invalid("endpoint", "be an absolute http:// or https:// URL with a host", url.OriginalString);
        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            throw BronzeException.Invalid("endpoint", "have no path, query, fragment or user info (scheme://host:port only)", url.OriginalString);
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static void InRange(string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            string upper = max == long.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            throw BronzeException.Invalid(field, $"be {upper}", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
