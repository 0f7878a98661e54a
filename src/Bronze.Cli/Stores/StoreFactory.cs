using Bronze.Cli.Settings;
using Bronze.Gcs;
using Bronze.Locations;
using Bronze.S3;
using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>Opens the store a <see cref="StoreSetting"/> names, with the schemes this command line knows.</summary>
internal static class StoreFactory
{
    /// <summary>The schemes <c>--dest</c>, <c>--source</c> and <c>inspect</c> accept: local folders, <c>s3://</c> and <c>gs://</c>.</summary>
    public static StoreSchemes Schemes { get; } = StoreSchemes.Local.With(S3StoreScheme.Instance).With(GcsStoreScheme.Instance);

    /// <summary>
    /// Opens the store. <paramref name="readOnly"/> stores never write, not even a folder: a local folder that does not
    /// exist reads as empty instead of being created. The caller disposes the store.
    /// </summary>
    /// <exception cref="CliUsageException">A setting of the location breaks its rule; the message names the flag or variable.</exception>
    public static IObjectStore Open(StoreSetting setting, bool readOnly)
    {
        StoreLocation location = setting.Location;
        if (readOnly && location.IsLocal && !Directory.Exists(location.Root) && !File.Exists(location.Root))
            return new ReadOnlyStore(null, "file://" + location.Root);
        IObjectStore store;
        try
        {
            store = Schemes.Open(location, setting.Environment);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            throw StoreSetting.Usage(e, setting.Origin);
        }

        return readOnly ? new ReadOnlyStore(store, store.Description) : store;
    }
}
