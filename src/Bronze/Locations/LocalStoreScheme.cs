using Bronze.Storage;

namespace Bronze.Locations;

/// <summary>Opens local folders: a path or <c>file:///abs/path</c>, as a <see cref="LocalStore"/>.</summary>
public sealed class LocalStoreScheme : IStoreScheme
{
    /// <summary>The one instance.</summary>
    public static LocalStoreScheme Instance { get; } = new();

    /// <inheritdoc />
    public string Name => StoreLocation.FileScheme;

    /// <inheritdoc />
    public string Example => "file:///abs/path";

    /// <inheritdoc />
    /// <remarks>A path that names a file rather than a folder is refused, before any folder is created.</remarks>
    public IObjectStore Open(StoreLocation location, StoreEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (File.Exists(location.Root))
            throw new BronzeException(BronzeErrorKind.InvalidInput, $"'{location.Root}' is a file, not a folder.", field: StoreLocation.Field);
        return new LocalStore(location.Root);
    }
}
