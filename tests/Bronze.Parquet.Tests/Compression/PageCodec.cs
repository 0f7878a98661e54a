using Bronze.Parquet.Compression;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>Compression into a fresh array of exactly the compressed length.</summary>
internal static class PageCodec
{
    public static byte[] Compress(IPageCompressor compressor, ReadOnlySpan<byte> input)
    {
        var buffer = new byte[compressor.MaxCompressedLength(input.Length)];
        int written = compressor.Compress(input, buffer);
        return buffer.AsSpan(0, written).ToArray();
    }

    public static byte[] RoundTrip(ParquetCodec codec, byte[] input)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);
        byte[] compressed = Compress(compressor, input);
        var output = new byte[input.Length];
        decompressor.Decompress(compressed, output);
        return output;
    }
}
