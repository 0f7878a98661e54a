using Bronze.Storage;

namespace Bronze.Locations;

/// <summary>
/// The one door from a location's text to a store: the schemes a host registered, each opened by its own package.
/// <see cref="Local"/> knows only local folders; <c>Bronze.S3</c> and <c>Bronze.Gcs</c> add <c>s3</c> and <c>gs</c>.
/// </summary>
/// <example><code>
/// StoreSchemes schemes = StoreSchemes.Local.With(S3StoreScheme.Instance).With(GcsStoreScheme.Instance);
/// IObjectStore store = schemes.Open("s3://lake/bronze?region=eu-west-1", StoreEnvironment.Empty);
/// </code></example>
public sealed class StoreSchemes
{
    private readonly IReadOnlyList<IStoreScheme> _schemes;

    private StoreSchemes(IReadOnlyList<IStoreScheme> schemes) => _schemes = schemes;

    /// <summary>Local folders only (<c>file</c>).</summary>
    public static StoreSchemes Local { get; } = new([LocalStoreScheme.Instance]);

    /// <summary>The registered schemes' names, in the order registered.</summary>
    public IEnumerable<string> Names => _schemes.Select(s => s.Name);

    /// <summary>These schemes and <paramref name="scheme"/>, which replaces a registered scheme of the same name.</summary>
    /// <param name="scheme">The scheme to add.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    public StoreSchemes With(IStoreScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new StoreSchemes([.. _schemes.Where(s => s.Name != scheme.Name), scheme]);
    }

    /// <summary>Parses <paramref name="text"/> and checks that its scheme is registered.</summary>
    /// <param name="text">A local path or a URL.</param>
    /// <returns>The location.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming <see cref="StoreLocation.Field"/>: a malformed location or an
    /// unknown scheme (the message lists the known ones).
    /// </exception>
    public StoreLocation Parse(string text)
    {
        StoreLocation location = StoreLocation.Parse(text);
        _ = Find(location);
        return location;
    }

    /// <summary>Opens the store at <paramref name="location"/> with the scheme registered for it.</summary>
    /// <param name="location">The location.</param>
    /// <param name="environment">The variables the scheme may read.</param>
    /// <returns>The store; the caller disposes it when it is <see cref="IDisposable"/>.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/>: an unknown scheme, or a setting the scheme refuses.
    /// </exception>
    public IObjectStore Open(StoreLocation location, StoreEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(environment);
        return Find(location).Open(location, environment);
    }

    /// <summary>Parses <paramref name="text"/> and opens its store (see <see cref="Parse"/> and <see cref="Open(StoreLocation, StoreEnvironment)"/>).</summary>
    /// <param name="text">A local path or a URL.</param>
    /// <param name="environment">The variables the scheme may read.</param>
    /// <returns>The store; the caller disposes it when it is <see cref="IDisposable"/>.</returns>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the setting at fault.</exception>
    public IObjectStore Open(string text, StoreEnvironment environment) => Open(Parse(text), environment);

    private IStoreScheme Find(StoreLocation location) =>
        _schemes.FirstOrDefault(s => s.Name == location.Scheme) ?? throw BronzeException.Invalid(
            StoreLocation.Field, $"be a local path or a {KnownUrls()} URL (e.g. {string.Join(", ", _schemes.Select(s => s.Example))})", location.Text);

    /// <summary>The registered schemes as <c>file://, s3:// or gs://</c>.</summary>
    private string KnownUrls()
    {
        string[] urls = [.. _schemes.Select(s => s.Name + "://")];
        return urls.Length == 1 ? urls[0] : string.Join(", ", urls[..^1]) + " or " + urls[^1];
    }
}
