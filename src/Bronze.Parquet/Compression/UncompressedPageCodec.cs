namespace Bronze.Parquet.Compression;

/// <summary>UNCOMPRESSED: pages are stored as they are. Stateless, so one shared instance serves everyone.</summary>
internal sealed class UncompressedPageCodec : IPageCompressor, IPageDecompressor
{
    /// <summary>The shared instance.</summary>
    public static readonly UncompressedPageCodec Instance = new();

    private UncompressedPageCodec()
    {
    }

    public ParquetCodec Codec => ParquetCodec.Uncompressed;

    public int MaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        return sourceLength;
    }

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new InvalidDataException(
                $"An UNCOMPRESSED page holds {source.Length} bytes where {destination.Length} were expected.");
        }

        source.CopyTo(destination);
        return source.Length;
    }

    public void Dispose()
    {
    }
}
