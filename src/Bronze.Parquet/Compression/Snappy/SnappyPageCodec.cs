namespace Bronze.Parquet.Compression.Snappy;

/// <summary>SNAPPY pages (raw Snappy blocks, no framing). Stateless, so one shared instance serves everyone.</summary>
internal sealed class SnappyPageCodec : IPageCompressor, IPageDecompressor
{
    /// <summary>The shared instance.</summary>
    public static readonly SnappyPageCodec Instance = new();

    private SnappyPageCodec()
    {
    }

    public ParquetCodec Codec => ParquetCodec.Snappy;

    public int MaxCompressedLength(int sourceLength) => SnappyCompressor.MaxCompressedLength(sourceLength);

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) => SnappyCompressor.Compress(source, destination);

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => SnappyDecompressor.Decompress(source, destination);

    public void Dispose()
    {
    }
}
