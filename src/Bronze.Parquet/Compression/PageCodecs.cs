using Bronze.Parquet.Compression.Bcl;
using Bronze.Parquet.Compression.Snappy;
using Bronze.Parquet.Compression.Zstd;

namespace Bronze.Parquet.Compression;

/// <summary>
/// Creates the page compressors and decompressors of every codec Bronze writes. Compressors are byte-deterministic:
/// the same input, codec and level give the same bytes across runs and processes (for ZSTD, with the same libzstd
/// version; GZIP and BROTLI come with the .NET runtime).
/// </summary>
internal static class PageCodecs
{
    /// <summary>The ZSTD level used when none is given: 3, libzstd's own default.</summary>
    public const int DefaultZstdLevel = 3;

    /// <summary>The GZIP (zlib) level used when none is given: 6, zlib's own default.</summary>
    public const int DefaultGzipLevel = 6;

    /// <summary>The BROTLI quality used when none is given: 4, what the BCL uses for <c>CompressionLevel.Optimal</c>.</summary>
    public const int DefaultBrotliQuality = 4;

    /// <summary>Creates a compressor for <paramref name="codec"/>.</summary>
    /// <param name="codec">The codec.</param>
    /// <param name="level">
    /// The codec's own level; <see langword="null"/> for its default. ZSTD: libzstd levels, 1 to 22 (negative levels
    /// down to libzstd's minimum trade ratio for speed), default <see cref="DefaultZstdLevel"/>. GZIP: zlib levels 0
    /// (stored) to 9, default <see cref="DefaultGzipLevel"/>. BROTLI: quality 0 to 11, default
    /// <see cref="DefaultBrotliQuality"/>. Ignored for UNCOMPRESSED and SNAPPY, which have no levels.
    /// </param>
    /// <returns>A compressor that the caller disposes; it is used by one thread at a time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The codec is unknown, or the level is outside its range.</exception>
    /// <exception cref="CodecUnavailableException">ZSTD was asked for and <c>libzstd.so.1</c> cannot be loaded.</exception>
    public static IPageCompressor CreateCompressor(ParquetCodec codec, int? level = null) => codec switch
    {
        ParquetCodec.Uncompressed => UncompressedPageCodec.Instance,
        ParquetCodec.Snappy => SnappyPageCodec.Instance,
        ParquetCodec.Gzip => new GzipPageCodec(level ?? DefaultGzipLevel),
        ParquetCodec.Brotli => new BrotliPageCodec(level ?? DefaultBrotliQuality),
        ParquetCodec.Zstd => new ZstdPageCompressor(ZstdLibrary.Shared, level ?? DefaultZstdLevel),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a codec Bronze writes."),
    };

    /// <summary>Creates a decompressor for <paramref name="codec"/>.</summary>
    /// <param name="codec">The codec.</param>
    /// <returns>A decompressor that the caller disposes; it is used by one thread at a time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The codec is unknown.</exception>
    /// <exception cref="CodecUnavailableException">ZSTD was asked for and <c>libzstd.so.1</c> cannot be loaded.</exception>
    public static IPageDecompressor CreateDecompressor(ParquetCodec codec) => codec switch
    {
        ParquetCodec.Uncompressed => UncompressedPageCodec.Instance,
        ParquetCodec.Snappy => SnappyPageCodec.Instance,
        ParquetCodec.Gzip => new GzipPageCodec(DefaultGzipLevel),
        ParquetCodec.Brotli => new BrotliPageCodec(DefaultBrotliQuality),
        ParquetCodec.Zstd => new ZstdPageDecompressor(ZstdLibrary.Shared),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a codec Bronze writes."),
    };
}
