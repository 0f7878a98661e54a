using Bronze.Cli.Settings;
using Bronze.Gcs;
using Bronze.S3;
using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>Opens the store a <see cref="Destination"/> names.</summary>
internal static class StoreFactory
{
    /// <summary>
    /// Opens the store. <paramref name="readOnly"/> stores never write, not even a folder: a local destination that
    /// does not exist reads as empty instead of being created. The caller disposes the store.
    /// </summary>
    /// <exception cref="Errors.BronzeException">The URL is invalid (InvalidInput) or the store cannot be opened.</exception>
    public static IObjectStore Open(Destination destination, bool readOnly)
    {
        try
        {
            return OpenUnchecked(destination, readOnly);
        }
        catch (Errors.BronzeException e) when (e.Kind == Errors.BronzeErrorKind.InvalidInput)
        {
            throw new CliUsageException($"{destination.Origin}: {e.Message}", destination.Origin);
        }
    }

    private static IObjectStore OpenUnchecked(Destination destination, bool readOnly)
    {
        IObjectStore store;
        switch (destination.Kind)
        {
            case DestinationKind.Local:
                // A file (or link to one) where the root folder should be fails every command the same way, dry-run included.
                if (File.Exists(destination.Location))
                    throw new CliUsageException($"{destination.Origin}: '{destination.Location}' is a file, not a folder.", destination.Origin);
                if (readOnly && !Directory.Exists(destination.Location))
                    return new ReadOnlyStore(null, "file://" + destination.Location);
                store = new LocalStore(destination.Location);
                break;
            case DestinationKind.S3:
                store = new S3Store(S3StoreOptions.FromUrl(destination.Location));
                break;
            default:
                store = new GcsStore(GcsStoreOptions.FromUrl(destination.Location));
                break;
        }

        return readOnly ? new ReadOnlyStore(store, store.Description) : store;
    }

    /// <summary>
    /// Whether the store itself applies STORAGE_PREFIX: the S3 and GCS stores take it as their root when the URL has
    /// no path, so the dataset prefix must not repeat it.
    /// </summary>
    public static bool StoreAppliesPrefixVariable(Destination destination)
    {
        if (destination.Kind == DestinationKind.Local) return false;
        string rest = destination.Location[(destination.Location.IndexOf("://", StringComparison.Ordinal) + 3)..];
        int query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) rest = rest[..query];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || rest[(slash + 1)..].Trim('/').Length == 0;
    }
}
