using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Locations;
using Bronze.Parquet.Footer;

namespace Bronze.Cli.Commands;

/// <summary>
/// <c>bronze inspect FILE_OR_URL</c>: what a Parquet file's footer says (schema, rows, writer, key-value metadata,
/// row groups and column chunks), for any writer's file. Reads the file's first 4 bytes and its tail only (ranged
/// reads on S3 and GCS). A file that is not readable Parquet exits with 3; the footer reader's errors say why. A local
/// path that is not a regular file (a folder, FIFO, socket or device) exits with 2 and is never opened for reading.
/// </summary>
internal static class InspectCommand
{
    public static async Task<int> RunAsync(string? target, Func<string, string?> environment, CliConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target)) throw new CliUsageException("inspect needs a file: a local path, file://, s3:// or gs:// URL.", "FILE");
        var file = StoreSetting.Parse(target, "FILE", new StoreEnvironment(environment));
        (string shown, ParquetFileMetadata metadata) = file.Location.IsLocal
            ? (file.Location.Root, await ParquetInspector.ReadFileMetadataAsync(file.Location.Root, cancellationToken).ConfigureAwait(false))
            : await ReadStoredAsync(file, cancellationToken).ConfigureAwait(false);
        if (console.Json) console.Line(InspectJson.Write(shown, metadata));
        else InspectText.Write(console, shown, metadata);
        return ExitCodes.Ok;
    }

    private static async Task<(string Shown, ParquetFileMetadata Metadata)> ReadStoredAsync(StoreSetting file, CancellationToken cancellationToken)
    {
        ObjectLocation location = ObjectLocation.Open(file);
        using IDisposable? disposable = location.Store as IDisposable;
        ParquetFileMetadata metadata = await ParquetInspector.ReadObjectMetadataAsync(location.Store, location.Key, cancellationToken).ConfigureAwait(false);
        return ($"{location.Store.Description}/{location.Key}", metadata);
    }
}
