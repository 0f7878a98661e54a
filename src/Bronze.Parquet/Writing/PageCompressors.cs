using Bronze.Parquet.Compression;

namespace Bronze.Parquet.Writing;

/// <summary>Creates the page compressor for a codec.</summary>
internal static class PageCompressors
{
    public static IPageCompressor Create(ParquetCodec codec, int? level) => codec switch
    {
        ParquetCodec.Uncompressed => new UncompressedPageCompressor(),
        _ => throw new ParquetException($"Codec {codec} is not available in this build."),
    };
}
