using Bronze.Cli.Settings;
using Bronze.Gcs;
using Bronze.S3;
using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>One object named by a URL (<c>s3://bucket/path/file</c>, <c>gs://bucket/path/file</c>): its store and key.</summary>
/// <param name="Store">The store rooted at the object's folder; the caller disposes it.</param>
/// <param name="Key">The object's key in <paramref name="Store"/> (its file name).</param>
internal sealed record ObjectLocation(IObjectStore Store, string Key)
{
    /// <summary>Opens the store of an S3 or GCS object URL; the URL's query (S3) applies as for <c>--dest</c>.</summary>
    /// <exception cref="CliUsageException">The URL names no object or breaks the store's rules.</exception>
    public static ObjectLocation Open(Destination destination)
    {
        string url = destination.Location;
        int scheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int end = url.IndexOfAny(['?', '#'], scheme);
        string path = end < 0 ? url[scheme..] : url[scheme..end];
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == path.Length - 1 || path.EndsWith('/'))
            throw new CliUsageException($"{destination.Origin} must name an object, e.g. {url[..scheme]}bucket/path/file.parquet (got \"{url}\").", destination.Origin);
        string objectPath = path[(slash + 1)..];
        int last = objectPath.LastIndexOf('/');
        string folder = last < 0 ? "" : objectPath[..last];
        string key = objectPath[(last + 1)..];
        try
        {
            ObjectKey.Validate(key, destination.Origin);
            IObjectStore store = destination.Kind == DestinationKind.S3
                ? new S3Store(S3StoreOptions.FromUrl(url) with { Prefix = folder })
                : new GcsStore(GcsStoreOptions.FromUrl(url) with { Prefix = folder });
            return new ObjectLocation(store, key);
        }
        catch (Errors.BronzeException e) when (e.Kind == Errors.BronzeErrorKind.InvalidInput)
        {
            throw new CliUsageException($"{destination.Origin}: {e.Message}", destination.Origin);
        }
    }
}
