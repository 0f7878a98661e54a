namespace Bronze.Parquet.Compression;

/// <summary>
/// Compresses Parquet pages with one codec. Output is byte-deterministic: the same input and level give the same
/// bytes. An instance may keep native state, so it is used by one writer at a time and disposed by it.
/// </summary>
internal interface IPageCompressor : IDisposable
{
    /// <summary>The codec, as written in the column chunk metadata.</summary>
    ParquetCodec Codec { get; }

    /// <summary>The largest size <see cref="Compress"/> can produce for <paramref name="sourceLength"/> input bytes.</summary>
    /// <param name="sourceLength">The input's length.</param>
    int MaxCompressedLength(int sourceLength);

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">One page's bytes.</param>
    /// <param name="destination">At least <see cref="MaxCompressedLength"/> bytes long.</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>.</returns>
    int Compress(ReadOnlySpan<byte> source, Span<byte> destination);
}
