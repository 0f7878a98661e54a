using System.Buffers.Binary;
using Bronze.Parquet.Thrift;

namespace Bronze.Parquet.Footer;

/// <summary>
/// Reads a Parquet file's footer (FileMetaData) from the file's tail only: the last 8 bytes (footer length and the
/// <c>PAR1</c> magic), then the footer itself. The leading magic is checked too (4 bytes at the start). Any valid
/// Parquet file from any writer reads, within bounded memory and time for any input: the footer is at most
/// <see cref="MaxFooterLength"/> bytes and decodes to at most a fixed number of items.
/// </summary>
public static class ParquetFooterReader
{
    /// <summary>The longest footer read (64 MiB); a longer length field is taken as corruption.</summary>
    public const int MaxFooterLength = 64 << 20;
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    /// <summary>Reads the footer of the file at <paramref name="path"/>, as a flat schema (Bronze's own files).</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="ParquetException">
    /// The file is not Parquet, is truncated, its footer is corrupt, it is encrypted, or its schema is nested.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetFileInfo> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        FileMetaDataReader.ToFileInfo(await ReadMetadataAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the footer of the Parquet file that fills <paramref name="stream"/>, as a flat schema (Bronze's own files).</summary>
    /// <param name="stream">A seekable, readable stream; its position is left unspecified.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot seek or read.</exception>
    /// <exception cref="ParquetException">
    /// The file is not Parquet, is truncated, its footer is corrupt, it is encrypted, or its schema is nested.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetFileInfo> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        FileMetaDataReader.ToFileInfo(await ReadMetadataAsync(stream, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads everything the footer of the file at <paramref name="path"/> says, for any valid Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="ParquetException">The file is not Parquet, is truncated, its footer is corrupt, or it is encrypted.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetFileMetadata> ReadMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadMetadataAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads everything the footer of the Parquet file that fills <paramref name="stream"/> says, for any valid file.</summary>
    /// <param name="stream">
    /// A seekable, readable stream; its position is left unspecified. Three reads: the first 4 bytes, the last 8,
    /// then the footer.
    /// </param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the footer says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot seek or read.</exception>
    /// <exception cref="ParquetException">The file is not Parquet, is truncated, its footer is corrupt, or it is encrypted.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetFileMetadata> ReadMetadataAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        long length = stream.Length;
        if (length < 12) throw new ParquetException($"Not a Parquet file: {length} bytes is shorter than the 12 a Parquet file needs.");

        byte[] head = new byte[4];
        stream.Position = 0;
        await stream.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        byte[] tail = new byte[8];
        stream.Position = length - 8;
        await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        if (tail.AsSpan(4).SequenceEqual(EncryptedMagic))
            throw FileMetaDataReader.Encrypted("it ends with the PARE magic (an encrypted footer)");
        if (!tail.AsSpan(4).SequenceEqual(Magic))
        {
            throw new ParquetException(head.AsSpan().SequenceEqual(Magic) || head.AsSpan().SequenceEqual(EncryptedMagic)
                ? "Truncated or unfinished Parquet file: it starts with PAR1 but does not end with the PAR1 footer magic."
                : "Not a Parquet file: it neither starts nor ends with the PAR1 magic.");
        }

        if (!head.AsSpan().SequenceEqual(Magic)) throw new ParquetException("Not a Parquet file: it ends with PAR1 but does not start with it.");
        uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength == 0 || footerLength > length - 12 || footerLength > MaxFooterLength)
        {
            throw new ParquetException($"Corrupt Parquet footer: its length field says {footerLength} bytes, the file has {length}.");
        }

        byte[] footer = new byte[footerLength];
        stream.Position = length - 8 - footerLength;
        await stream.ReadExactlyAsync(footer, cancellationToken).ConfigureAwait(false);
        return Parse(footer) with { FileLength = length, FooterLength = (int)footerLength };
    }

    /// <summary>Decodes a FileMetaData struct (the footer bytes, without length and magic).</summary>
    internal static ParquetFileMetadata Parse(byte[] footer)
    {
        var reader = new CompactReader(footer, 0, footer.Length, "Parquet footer");
        try
        {
            return FileMetaDataReader.Read(reader);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new ParquetException($"Corrupt Parquet footer: {e.Message}", e);
        }
    }
}
