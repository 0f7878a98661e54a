using Bronze.Parquet.Compression;

namespace Bronze.Parquet.Writing;

/// <summary>The UNCOMPRESSED "codec": pages are copied as they are.</summary>
internal sealed class UncompressedPageCompressor : IPageCompressor
{
    public ParquetCodec Codec => ParquetCodec.Uncompressed;

    public int MaxCompressedLength(int sourceLength) => sourceLength;

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    public void Dispose()
    {
    }
}
