using System.IO.Compression;

namespace Bronze.Parquet.Compression.Bcl;

/// <summary>
/// BROTLI pages through the brotli that ships with .NET, with an explicit quality and window (22, brotli's default),
/// so the output depends only on the input, the quality and the runtime's brotli version.
/// </summary>
internal sealed class BrotliPageCodec : IPageCompressor, IPageDecompressor
{
    /// <summary>The window: 2^22 bytes, brotli's default.</summary>
    public const int WindowBits = 22;

    private readonly int _quality;

    /// <summary>Creates the codec.</summary>
    /// <param name="quality">A brotli quality: 0 to 11.</param>
    /// <exception cref="ArgumentOutOfRangeException">The quality is outside 0 to 11.</exception>
    public BrotliPageCodec(int quality)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 11);
        _quality = quality;
    }

    public ParquetCodec Codec => ParquetCodec.Brotli;

    public int MaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        long bound = BrotliEncoder.GetMaxCompressedLength(sourceLength);
        return bound > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(sourceLength)) : (int)bound;
    }

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!BrotliEncoder.TryCompress(source, destination, out int written, _quality, WindowBits))
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} bytes; BROTLI needs up to {MaxCompressedLength(source.Length)}.",
                nameof(destination));
        }

        return written;
    }

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!BrotliDecoder.TryDecompress(source, destination, out int written))
        {
            throw new InvalidDataException($"Corrupt BROTLI data, or it holds more than the {destination.Length} bytes expected.");
        }

        return written == destination.Length
            ? written
            : throw new InvalidDataException($"Corrupt BROTLI data: a page holds {written} bytes where {destination.Length} were expected.");
    }

    public void Dispose()
    {
    }
}
