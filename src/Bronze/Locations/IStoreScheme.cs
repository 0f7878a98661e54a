using Bronze.Storage;

namespace Bronze.Locations;

/// <summary>
/// Opens the stores of one URL scheme (<c>s3</c>, <c>gs</c>...). Each store package provides its own and a host
/// registers it in <see cref="StoreSchemes"/>; the core knows only <c>file</c>.
/// </summary>
public interface IStoreScheme
{
    /// <summary>The scheme in lower case, without <c>://</c>, e.g. <c>s3</c>.</summary>
    string Name { get; }

    /// <summary>An example location for error messages, e.g. <c>s3://bucket/root?endpoint=URL</c>.</summary>
    string Example { get; }

    /// <summary>Opens the store at <paramref name="location"/>; no request is made until the first operation.</summary>
    /// <param name="location">A location of this scheme.</param>
    /// <param name="environment">The variables the scheme may read.</param>
    /// <returns>The store; the caller disposes it when it is <see cref="IDisposable"/>.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming the setting at fault (<c>location</c>, <c>bucket</c>,
    /// <c>root</c>, an option) and its rule.
    /// </exception>
    IObjectStore Open(StoreLocation location, StoreEnvironment environment);
}
