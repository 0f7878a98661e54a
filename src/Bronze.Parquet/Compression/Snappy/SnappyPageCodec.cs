namespace Bronze.Parquet.Compression.Snappy;

/// <summary>
/// SNAPPY pages (raw Snappy blocks, no framing) through Snappier, a port of Google's C++ Snappy. Stateless, so one
/// shared instance serves everyone. Decoding checks every offset and length against both buffers; Snappier stops once
/// the destination is full, so input past that point is not looked at.
/// </summary>
internal sealed class SnappyPageCodec : IPageCompressor, IPageDecompressor
{
    /// <summary>The shared instance.</summary>
    public static readonly SnappyPageCodec Instance = new();

    private SnappyPageCodec()
    {
    }

    public ParquetCodec Codec => ParquetCodec.Snappy;

    public int MaxCompressedLength(int sourceLength) => Snappier.Snappy.GetMaxCompressedLength(sourceLength);

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) => Snappier.Snappy.Compress(source, destination);

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // A page header states the uncompressed size, so a block that declares another one is corrupt, and Snappier's
        // own argument errors on malformed input are, to a page reader, corrupt data too.
        int declared;
        try
        {
            declared = Snappier.Snappy.GetUncompressedLength(source);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"Corrupt Snappy block: {e.Message}", e);
        }

        if (declared != destination.Length)
        {
            throw new InvalidDataException($"Corrupt Snappy block: it declares {declared} uncompressed bytes where {destination.Length} were expected.");
        }

        try
        {
            int written = Snappier.Snappy.Decompress(source, destination);
            return written == destination.Length
                ? written
                : throw new InvalidDataException($"Corrupt Snappy block: it filled {written} of {destination.Length} bytes.");
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"Corrupt Snappy block: {e.Message}", e);
        }
    }

    public void Dispose()
    {
    }
}
