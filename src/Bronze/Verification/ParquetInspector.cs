using Bronze.Locations;
using Bronze.Parquet.Footer;
using Bronze.Storage;
using Bronze.Verification;

namespace Bronze;

/// <summary>
/// Reads what the footer of any writer's Parquet file says, from a store or a local path, reading only the file's
/// first bytes and its tail (ranged reads on S3 and GCS).
/// </summary>
public static class ParquetInspector
{
    /// <summary>The field named when a local path is refused: the file to read.</summary>
    public const string FileField = "file";

    /// <summary>Reads the footer of the object at <paramref name="key"/>: two ranged reads for most files.</summary>
    /// <param name="store">The store holding the object.</param>
    /// <param name="key">The object's key.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.NotFound"/> when there is no such object, or the store failed.</exception>
    /// <exception cref="Parquet.ParquetException">The object is not readable Parquet (truncated, corrupt, encrypted).</exception>
    public static async Task<ParquetFileMetadata> ReadObjectMetadataAsync(IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ObjectInfo info = await store.StatAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw BronzeException.NotFound($"object '{key}' in {store.Description}");
        var stream = new ObjectRangeStream(store, key, info.Size);
        await using (stream.ConfigureAwait(false))
        {
            return await ParquetFooterReader.ReadMetadataAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the footer of the local file at <paramref name="path"/>. Only a regular file is read: a folder, FIFO, socket
    /// or device is refused before it is opened (reading a FIFO would wait for a writer, maybe forever).
    /// </summary>
    /// <param name="path">The file's path; links are followed.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> (field <see cref="FileField"/>) when the path is not a regular file,
    /// <see cref="BronzeErrorKind.NotFound"/> when it does not exist, <see cref="BronzeErrorKind.StoreFailure"/> when it
    /// cannot be read.
    /// </exception>
    /// <exception cref="Parquet.ParquetException">The file is not readable Parquet (truncated, corrupt, encrypted).</exception>
    public static async Task<ParquetFileMetadata> ReadFileMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        FileStream stream = LocalFile.OpenRead(path, FileField);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await ParquetFooterReader.ReadMetadataAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new BronzeException(BronzeErrorKind.StoreFailure, $"Cannot read '{path}': {e.Message}", innerException: e);
            }
        }
    }
}
