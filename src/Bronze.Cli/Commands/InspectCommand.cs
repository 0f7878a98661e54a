using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Locations;
using Bronze.Parquet.Footer;
using Bronze.Storage;

namespace Bronze.Cli.Commands;

/// <summary>
/// <c>bronze inspect FILE_OR_URL</c>: what a Parquet file's footer says (schema, rows, writer, key-value metadata,
/// row groups and column chunks), for any writer's file. Reads the file's first 4 bytes and its tail only (ranged
/// reads on S3 and GCS). A file that is not readable Parquet exits with 3; the footer reader's errors say why.
/// </summary>
internal static class InspectCommand
{
    public static async Task<int> RunAsync(string? target, Func<string, string?> environment, CliConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target)) throw new CliUsageException("inspect needs a file: a local path, file://, s3:// or gs:// URL.", "FILE");
        var file = StoreSetting.Parse(target, "FILE", new StoreEnvironment(environment));
        (string shown, ParquetFileMetadata metadata) = file.Location.IsLocal
            ? (file.Location.Root, await ReadLocalAsync(file.Location.Root, cancellationToken).ConfigureAwait(false))
            : await ReadStoredAsync(file, cancellationToken).ConfigureAwait(false);
        if (console.Json) console.Line(InspectJson.Write(shown, metadata));
        else InspectText.Write(console, shown, metadata);
        return ExitCodes.Ok;
    }

    private static async Task<ParquetFileMetadata> ReadLocalAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetFooterReader.ReadMetadataAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BronzeException.NotFound($"file '{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure, $"Cannot read '{path}': {e.Message}", innerException: e);
        }
    }

    private static async Task<(string Shown, ParquetFileMetadata Metadata)> ReadStoredAsync(StoreSetting file, CancellationToken cancellationToken)
    {
        ObjectLocation location = ObjectLocation.Open(file);
        using IDisposable? disposable = location.Store as IDisposable;
        ObjectInfo info = await location.Store.StatAsync(location.Key, cancellationToken).ConfigureAwait(false)
            ?? throw BronzeException.NotFound($"object '{location.Key}' in {location.Store.Description}");
        var stream = new ObjectRangeStream(location.Store, location.Key, info.Size);
        await using (stream.ConfigureAwait(false))
        {
                ParquetFileMetadata metadata = await ParquetFooterReader.ReadMetadataAsync(stream, cancellationToken).ConfigureAwait(false);
            return ($"{location.Store.Description}/{location.Key}", metadata);
        }
    }
}
