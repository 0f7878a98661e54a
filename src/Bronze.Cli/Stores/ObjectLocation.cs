using Bronze.Cli.Settings;
using Bronze.Locations;
using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>One object named by a URL (<c>s3://bucket/path/file</c>, <c>gs://bucket/path/file</c>): its store and key.</summary>
/// <param name="Store">The store rooted at the object's folder; the caller disposes it.</param>
/// <param name="Key">The object's key in <paramref name="Store"/> (its file name).</param>
internal sealed record ObjectLocation(IObjectStore Store, string Key)
{
    /// <summary>Opens the store of an object URL; the URL's query and the variables apply as for <c>--dest</c>.</summary>
    /// <exception cref="CliUsageException">The URL names no object or breaks the store's rules.</exception>
    public static ObjectLocation Open(StoreSetting setting)
    {
        try
        {
            (StoreLocation folder, string key) = setting.Location.SplitObject();
            ObjectKey.Validate(key);
            return new ObjectLocation(StoreFactory.Open(setting with { Location = folder }, readOnly: true), key);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            throw StoreSetting.Usage(e, setting.Origin);
        }
    }
}
