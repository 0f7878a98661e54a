
namespace Bronze.Locations;

/// <summary>
/// Where a store is, as a user writes it: a local path, <c>file:///abs/path</c>, or <c>scheme://bucket/root?name=value</c>
/// (<c>s3://</c>, <c>gs://</c>, or any scheme a package registers in <see cref="StoreSchemes"/>). <see cref="Parse"/>
/// checks only the shape every scheme shares; the scheme that opens the location checks the rest.
/// </summary>
public sealed record StoreLocation
{
    /// <summary>The scheme of local folders: <c>file</c>.</summary>
    public const string FileScheme = "file";

    /// <summary>The field every error about a location's text names.</summary>
    public const string Field = "location";

    private StoreLocation(string text, string scheme)
    {
        Text = text;
        Scheme = scheme;
    }

    /// <summary>The text as given.</summary>
    public string Text { get; }

    /// <summary>The scheme in lower case: <see cref="FileScheme"/> for a local path, else what precedes <c>://</c>.</summary>
    public string Scheme { get; }

    /// <summary>The bucket (the URL's authority); empty for a local folder, and for a URL that names none (<c>s3://</c>).</summary>
    public string Bucket { get; private init; } = "";

    /// <summary>
    /// The store's root: the absolute path of a local folder, or the path inside the bucket without leading or trailing
    /// <c>/</c> (empty for the bucket's root). Every key of the store is relative to it.
    /// </summary>
    public string Root { get; private init; } = "";

    /// <summary>The query's <c>name=value</c> pairs, decoded, names in lower case, each name once, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; private init; } = [];

    /// <summary>Whether this is a local folder.</summary>
    public bool IsLocal => Scheme == FileScheme;

    /// <summary>
    /// Parses <paramref name="text"/>: a local path (made absolute against the current folder), a
    /// <c>file:///abs/path</c> URL, or <c>scheme://[bucket][/root][?name=value&amp;...]</c>.
    /// </summary>
    /// <param name="text">The location.</param>
    /// <returns>The location; whether its scheme is known is checked when it is opened.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming <see cref="Field"/>: empty, a malformed <c>file://</c> URL, a
    /// fragment, or a malformed or repeated query option.
    /// </exception>
    public static StoreLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw BronzeException.Invalid(Field, "not be empty");
        int separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return new StoreLocation(text, FileScheme) { Root = Path.GetFullPath(text) };
        string scheme = text[..separator].ToLowerInvariant();
        if (scheme.Length == 0 || !char.IsAsciiLetter(scheme[0]) || scheme.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')))
            throw BronzeException.Invalid(Field, "be a local path or a URL that starts with a scheme such as s3://", text);
        if (scheme == FileScheme) return ParseFile(text);

        string rest = text[(separator + 3)..];
        string query = "";
        int q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        if (rest.Contains('#', StringComparison.Ordinal) || query.Contains('#', StringComparison.Ordinal))
            throw BronzeException.Invalid(Field, "not contain a fragment ('#')", text);
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return new StoreLocation(text, scheme)
        {
            Bucket = slash < 0 ? rest : rest[..slash],
            Root = slash < 0 ? "" : rest[(slash + 1)..].TrimEnd('/'),
            Options = QueryPairs(query, text),
        };
    }

    /// <summary>
    /// Splits a location that names one object (<c>s3://bucket/path/file.parquet</c>) into the location of its folder
    /// and its key there.
    /// </summary>
    /// <returns>The folder's location (same scheme, bucket and options) and the object's name.</returns>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/>: the location names no object.</exception>
    public (StoreLocation Folder, string Key) SplitObject()
    {
        string path = Root;
        if (IsLocal || Bucket.Length == 0 || path.Length == 0 || Text.Split('?')[0].EndsWith('/'))
            throw BronzeException.Invalid(Field, $"name an object, e.g. {Scheme}://bucket/path/file.parquet", Text);
        int last = path.LastIndexOf('/');
        return (this with { Root = last < 0 ? "" : path[..last] }, path[(last + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static StoreLocation ParseFile(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || !uri.IsFile || !string.IsNullOrEmpty(uri.Host))
            throw BronzeException.Invalid(Field, "be a file:///absolute/path URL", text);
        return new StoreLocation(text, FileScheme) { Root = uri.LocalPath };
    }

    private static List<KeyValuePair<string, string>> QueryPairs(string query, string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw BronzeException.Invalid(Field, "have query options of the form name=value", pair);
            string name = Uri.UnescapeDataString(pair[..eq]).ToLowerInvariant();
            string value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (pairs.Any(p => p.Key == name)) throw BronzeException.Invalid(Field, $"give the option '{name}' only once", text);
            if (value.Length == 0) throw BronzeException.Invalid(Field, $"give the option '{name}' a value", text);
            pairs.Add(new(name, value));
        }

        return pairs;
    }
}
