using Bronze.Parquet.Compression;

namespace Bronze.Parquet.Tests.Compression;

public sealed class CorruptInputTests
{
    public static TheoryData<ParquetCodec> CompressingCodecs() =>
        new(ParquetCodec.Snappy, ParquetCodec.Gzip, ParquetCodec.Brotli, ParquetCodec.Zstd);

    [Theory]
    [MemberData(nameof(CodecSamples.AllCodecs), MemberType = typeof(CodecSamples))]
    public void Decompress_Truncated_ThrowsInvalidData(ParquetCodec codec)
    {
        byte[] input = CodecSamples.Structured(100_000, 31);
        byte[] compressed = Compress(codec, input);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        foreach (int keep in new[] { 0, 1, compressed.Length / 2, compressed.Length - 1 })
        {
            Assert.Throws<InvalidDataException>(() => decompressor.Decompress(compressed.AsSpan(0, keep), new byte[input.Length]));
        }
    }

    [Theory]
    [MemberData(nameof(CodecSamples.AllCodecs), MemberType = typeof(CodecSamples))]
    public void Decompress_WrongExpectedLength_ThrowsInvalidData(ParquetCodec codec)
    {
        byte[] input = CodecSamples.Structured(50_000, 32);
        byte[] compressed = Compress(codec, input);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        Assert.Throws<InvalidDataException>(() => decompressor.Decompress(compressed, new byte[input.Length - 1]));
        Assert.Throws<InvalidDataException>(() => decompressor.Decompress(compressed, new byte[input.Length + 1]));
    }

    [Theory]
    [MemberData(nameof(CompressingCodecs))]
    public void Decompress_Garbage_ThrowsInvalidData(ParquetCodec codec)
    {
        byte[] garbage = CodecSamples.Random(5000, 33);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        Assert.Throws<InvalidDataException>(() => decompressor.Decompress(garbage, new byte[20_000]));
    }

    [Theory]
    [MemberData(nameof(CompressingCodecs))]
    public void Decompress_EveryFlippedByte_ThrowsInvalidDataOrDiffers(ParquetCodec codec)
    {
        // Flipping a byte may still give a valid stream (a literal's content, for codecs without a checksum); what
        // must never happen is another exception, or bytes outside the destination being touched.
        byte[] input = CodecSamples.Structured(3000, 34);
        byte[] compressed = Compress(codec, input);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);
        int rejected = 0;

        for (int i = 0; i < compressed.Length; i++)
        {
            byte[] corrupt = (byte[])compressed.Clone();
            corrupt[i] ^= 0x5A;
            var output = new byte[input.Length + 64];
            output.AsSpan(input.Length).Fill(0xEE);
            try
            {
                decompressor.Decompress(corrupt, output.AsSpan(0, input.Length));
            }
            catch (InvalidDataException)
            {
                rejected++;
            }

            Assert.True(output.AsSpan(input.Length).IndexOfAnyExcept((byte)0xEE) < 0, $"{codec} wrote past the destination.");
        }

        Assert.True(rejected > 0, $"{codec} accepted every corrupted variant.");
    }

    private static byte[] Compress(ParquetCodec codec, byte[] input)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        return PageCodec.Compress(compressor, input);
    }
}
