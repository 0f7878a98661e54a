using System.Buffers.Binary;
using System.IO.Compression;

namespace Bronze.Parquet.Compression.Bcl;

/// <summary>
/// GZIP pages: DEFLATE in a gzip frame (RFC 1952), as Parquet's GZIP codec means, through the zlib that ships with
/// .NET. The header's modification time is 0 and its OS byte is fixed to 255 ("unknown"), so the output does not
/// depend on the machine that wrote it. Pages are single gzip members (what every Parquet writer produces); the
/// decompressor checks the trailer's CRC-32 and length against what it decompressed.
/// </summary>
internal sealed unsafe class GzipPageCodec : IPageCompressor, IPageDecompressor
{
    private const int HeaderLength = 10;
    private const int TrailerLength = 8;

    // .NET writes nothing at all for empty input; a gzip member must still be there: the header, one empty final
    // block with fixed codes (03 00), CRC-32 0 and length 0.
    private static ReadOnlySpan<byte> EmptyMember =>
        [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, UnknownOs, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    private const int OsByte = 9;
    private const byte UnknownOs = 255;

    private readonly ZLibCompressionOptions _options;

    /// <summary>Creates the codec.</summary>
    /// <param name="level">A zlib level: 0 (stored) to 9.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside 0 to 9.</exception>
    public GzipPageCodec(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        _options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = ZLibCompressionStrategy.Default };
    }

    public ParquetCodec Codec => ParquetCodec.Gzip;

    public int MaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);

        // zlib's fastest level uses fixed Huffman codes only, up to 9 bits per byte (1/8 growth); stored blocks cost
        // 5 bytes per 64 KiB or less; the gzip frame adds 18 bytes. The margin covers block headers and the final flush.
        long bound = sourceLength + (sourceLength >> 3) + (sourceLength >> 10) + 256L;
        return bound > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(sourceLength)) : (int)bound;
    }

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            EmptyMember.CopyTo(destination);
            return EmptyMember.Length;
        }

        int written;
        fixed (byte* dst = destination)
        {
            using var target = new UnmanagedMemoryStream(dst, 0, destination.Length, FileAccess.Write);
            using (var gzip = new GZipStream(target, _options, leaveOpen: true))
            {
                gzip.Write(source);
            }

            written = (int)target.Position;
        }

        destination[4..8].Clear();
        destination[OsByte] = UnknownOs;
        return written;
    }

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length < HeaderLength + TrailerLength)
        {
            throw new InvalidDataException("Corrupt GZIP data: shorter than a gzip header and trailer.");
        }

        DecompressMember(source, destination);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(source[^TrailerLength..]);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(source[^4..]);
        if (length != (uint)destination.Length || crc != GzipCrc32.Compute(destination))
        {
            throw new InvalidDataException("Corrupt GZIP data: the trailer does not match the data (truncated or altered).");
        }

        return destination.Length;
    }

    public void Dispose()
    {
    }

    private static void DecompressMember(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* src = source)
        {
            using var input = new UnmanagedMemoryStream(src, source.Length);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            int total = 0;
            int read;
            while (total < destination.Length && (read = gzip.Read(destination[total..])) > 0) total += read;
            if (total != destination.Length)
            {
                throw new InvalidDataException($"Corrupt GZIP data: a page holds {total} bytes where {destination.Length} were expected.");
            }

            Span<byte> probe = stackalloc byte[1];
            if (gzip.Read(probe) != 0)
            {
                throw new InvalidDataException($"Corrupt GZIP data: a page holds more than the {destination.Length} bytes expected.");
            }
        }
    }
}
