
namespace Bronze.Storage;

/// <summary>
/// The rules every object key follows, checked by every store before any I/O: segments separated by single
/// <c>/</c>, no leading or trailing <c>/</c>; each segment 1 to <see cref="MaxSegmentLength"/> characters of
/// <c>a-z A-Z 0-9 _ - . =</c>, not starting with <c>.</c> (hidden names belong to the store's temporary files, and
/// this also rules out <c>.</c> and <c>..</c>). A valid key can never address a path outside the store's root.
/// </summary>
public static class ObjectKey
{
    /// <summary>The longest segment allowed (the common file-system name limit).</summary>
    public const int MaxSegmentLength = 255;

    /// <summary>Hidden names that start with this belong to Bronze's stores (temp files): never a key, not even to read.</summary>
    public const string ReservedPrefix = ".bronze-";

    /// <summary>The longest key allowed (S3's and GCS's limit is 1,024 bytes).</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks <paramref name="key"/> and returns it.</summary>
    /// <param name="key">The key to check.</param>
    /// <param name="field">The name used for the key in error messages.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the rule broken.</exception>
    public static string Validate(string key, string field = "key")
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw BronzeException.Invalid(field, "not be empty");
        if (key.Length > MaxLength) throw BronzeException.Invalid(field, $"be at most {MaxLength} characters", key);
        ValidatePrefixSegments(key, field, allowEmpty: false, allowHiddenLast: false);
        return key;
    }

    /// <summary>
    /// Checks a key to read (stat, open) and returns it: the rules of <see cref="Validate"/>, except that the last segment
    /// may be a hidden name, one <c>.</c> followed by a character other than <c>.</c> (a galexie lake's
    /// <c>.config.json</c>), except names starting with <see cref="ReservedPrefix"/>. Keys to write never may: hidden
    /// names belong to the stores' temporary files.
    /// </summary>
    /// <param name="key">The key to check.</param>
    /// <param name="field">The name used for the key in error messages.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the rule broken.</exception>
    public static string ValidateReadable(string key, string field = "key")
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw BronzeException.Invalid(field, "not be empty");
        if (key.Length > MaxLength) throw BronzeException.Invalid(field, $"be at most {MaxLength} characters", key);
        ValidatePrefixSegments(key, field, allowEmpty: false, allowHiddenLast: true);
        return key;
    }

    /// <summary>
    /// Checks a listing prefix: empty, or a key, or a key followed by <c>/</c>, or a key whose last segment is cut short.
    /// </summary>
    /// <param name="prefix">The prefix to check.</param>
    /// <param name="field">The name used for the prefix in error messages.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the rule broken.</exception>
    public static string ValidatePrefix(string prefix, string field = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0) return prefix;
        if (prefix.Length > MaxLength) throw BronzeException.Invalid(field, $"be at most {MaxLength} characters", prefix);
        string body = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        ValidatePrefixSegments(body, field, allowEmpty: false, allowHiddenLast: false);
        return prefix;
    }

    /// <summary>Joins a root prefix (possibly empty) and a key with one <c>/</c>.</summary>
    /// <param name="root">A valid prefix without a trailing <c>/</c>, or empty.</param>
    /// <param name="key">A valid key or listing prefix.</param>
    public static string Join(string root, string key) => root.Length == 0 ? key : key.Length == 0 ? root + "/" : root + "/" + key;

    /// <summary>Whether <paramref name="c"/> may appear in a key segment.</summary>
    /// <param name="c">The character.</param>
    public static bool IsAllowedChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or '=';

    private static void ValidatePrefixSegments(string value, string field, bool allowEmpty, bool allowHiddenLast)
    {
        if (value.StartsWith('/')) throw BronzeException.Invalid(field, "not start with '/'", value);
        if (value.EndsWith('/')) throw BronzeException.Invalid(field, "not end with '/'", value);
        string[] segments = value.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            bool hiddenAllowed = allowHiddenLast && i == segments.Length - 1 && segment.Length > 1 && segment[1] != '.'
                && !segment.StartsWith(ReservedPrefix, StringComparison.Ordinal);
            if (segment.Length == 0 && !allowEmpty)
                throw BronzeException.Invalid(field, "not contain an empty segment ('//')", value);
            if (segment.Length > MaxSegmentLength)
                throw BronzeException.Invalid(field, $"have segments of at most {MaxSegmentLength} characters", value);
            if (segment.StartsWith('.') && !hiddenAllowed)
                throw BronzeException.Invalid(field, "not have a segment starting with '.' (this rules out '.' and '..')", value);
            foreach (char c in segment)
            {
                if (!IsAllowedChar(c))
                    throw BronzeException.Invalid(field, "use only the characters a-z A-Z 0-9 _ - . = and '/' between segments", value);
            }
        }
    }
}
