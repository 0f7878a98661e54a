namespace Bronze.Parquet.Compression;

/// <summary>Decompresses Parquet pages of one codec (for reading pages back and for tests).</summary>
internal interface IPageDecompressor : IDisposable
{
    /// <summary>The codec.</summary>
    ParquetCodec Codec { get; }

    /// <summary>Decompresses <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">One compressed page.</param>
    /// <param name="destination">Exactly as long as the page's uncompressed size.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidDataException">The input is corrupt or does not fill <paramref name="destination"/>.</exception>
    int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
