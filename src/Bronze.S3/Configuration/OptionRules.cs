using Bronze.Errors;
using Bronze.Layout;

namespace Bronze.S3.Configuration;

/// <summary>The rule each <see cref="S3StoreOptions"/> value follows, checked before any request is made.</summary>
internal static class OptionRules
{
    public static void Check(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckBucket(options.Bucket);
        StoragePrefix.Validate(options.Prefix ?? throw BronzeException.Invalid("prefix", "not be null"), "prefix");
        CheckRegion(options.Region);
        if (options.ServiceUrl is { } url) CheckEndpoint(url);
        InRange("part-size", options.PartSize, S3StoreOptions.MinPartSize, S3StoreOptions.MaxSinglePutSize);
        InRange("multipart-threshold", options.MultipartThreshold, S3StoreOptions.MinPartSize, long.MaxValue);
        InRange("parallel-parts", options.MaxParallelParts, 1, 64);
        InRange("memory-buffer", options.MemoryBufferSize, 0, 256L << 20);
        InRange("max-retries", options.MaxRetries, 0, 20);
        Positive("connect-timeout", options.ConnectTimeout);
        Positive("request-timeout", options.RequestTimeout);
        if (options.SpoolDirectory is { Length: 0 }) throw BronzeException.Invalid("spool-dir", "not be empty");
    }

    /// <summary>S3's bucket naming rules: 3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit.</summary>
    private static void CheckBucket(string? bucket)
    {
        if (string.IsNullOrEmpty(bucket)) throw BronzeException.Invalid("bucket", "not be empty");
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

    private static void Positive(string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
            throw BronzeException.Invalid(field, "be more than zero and at most a day", value.ToString());
    }
}
