using System.Globalization;

namespace Bronze.S3.Configuration;

/// <summary>Parses the text forms of option values found in URLs and environment variables.</summary>
internal static class OptionValues
{
    private static readonly (string Suffix, long Factor)[] SizeSuffixes =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ];

    private static readonly (string Suffix, double Seconds)[] DurationSuffixes = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    /// <summary>A byte count: digits with an optional unit (B, KB, MB, GB, KiB, MiB, GiB).</summary>
    public static long Size(string field, string text)
    {
        foreach ((string suffix, long factor) in SizeSuffixes)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            return Scaled(field, text[..^suffix.Length], factor, text);
        }

        return Scaled(field, text, 1, text);
    }

    /// <summary>A duration: a number with a unit (ms, s, m, h); a bare number is seconds.</summary>
    public static TimeSpan Duration(string field, string text)
    {
        foreach ((string suffix, double seconds) in DurationSuffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && TryNumber(text[..^suffix.Length], out double value))
                return TimeSpan.FromSeconds(value * seconds);
        }

        if (TryNumber(text, out double bare)) return TimeSpan.FromSeconds(bare);
        throw BronzeException.Invalid(field, "be a duration such as 500ms, 5s or 2m", text);
    }

    /// <summary>true/false, also 1/0, yes/no, on/off.</summary>
    public static bool Bool(string field, string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw BronzeException.Invalid(field, "be true or false", text),
    };

    /// <summary>A non-negative whole number.</summary>
    public static int Int(string field, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw BronzeException.Invalid(field, "be a whole number", text);

    private static long Scaled(string field, string digits, long factor, string text)
    {
        if (!long.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > long.MaxValue / factor)
            throw BronzeException.Invalid(field, "be a size such as 16MiB, 64MB or 1048576", text);
        return value * factor;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
