using Bronze.Parquet.Compression;

namespace Bronze.Parquet.Tests.Compression;

public sealed class PageCodecRoundTripTests
{
    [Theory]
    [MemberData(nameof(CodecSamples.CodecsAndSamples), MemberType = typeof(CodecSamples))]
    public void Compress_Sample_DecompressesToTheSameBytes(ParquetCodec codec, string sample)
    {
        byte[] input = CodecSamples.Get(sample);
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        byte[] compressed = PageCodec.Compress(compressor, input);
        var output = new byte[input.Length];
        int written = decompressor.Decompress(compressed, output);

        Assert.Equal(input.Length, written);
        Assert.True(input.AsSpan().SequenceEqual(output), $"{codec} changed the bytes of '{sample}'.");
        Assert.True(compressed.Length <= compressor.MaxCompressedLength(input.Length));
    }

    [Theory]
    [MemberData(nameof(CodecSamples.CodecsAndSamples), MemberType = typeof(CodecSamples))]
    public void Compress_SameInputTwice_GivesTheSameBytes(ParquetCodec codec, string sample)
    {
        byte[] input = CodecSamples.Get(sample);
        using IPageCompressor first = PageCodecs.CreateCompressor(codec);
        using IPageCompressor second = PageCodecs.CreateCompressor(codec);

        byte[] once = PageCodec.Compress(first, input);
        byte[] reused = PageCodec.Compress(first, input);
        byte[] fresh = PageCodec.Compress(second, input);

        Assert.Equal(once, reused);
        Assert.Equal(once, fresh);
    }

    [Theory]
    [InlineData(ParquetCodec.Zstd, 1)]
    [InlineData(ParquetCodec.Zstd, 19)]
    [InlineData(ParquetCodec.Zstd, -5)]
    [InlineData(ParquetCodec.Gzip, 0)]
    [InlineData(ParquetCodec.Gzip, 1)]
    [InlineData(ParquetCodec.Gzip, 9)]
    [InlineData(ParquetCodec.Brotli, 0)]
    [InlineData(ParquetCodec.Brotli, 11)]
    public void Compress_ExplicitLevel_RoundTripsRandomAndStructuredData(ParquetCodec codec, int level)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec, level);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        foreach (byte[] input in new[] { CodecSamples.Random(300_000, 21), CodecSamples.Structured(300_000, 22) })
        {
            byte[] compressed = PageCodec.Compress(compressor, input);
            var output = new byte[input.Length];
            decompressor.Decompress(compressed, output);

            Assert.Equal(input, output);
        }
    }

    [Theory]
    [InlineData(ParquetCodec.Zstd, 1, 19)]
    [InlineData(ParquetCodec.Gzip, 1, 9)]
    [InlineData(ParquetCodec.Brotli, 1, 11)]
    public void Compress_HigherLevel_CompressesStructuredDataSmaller(ParquetCodec codec, int low, int high)
    {
        byte[] input = CodecSamples.Structured(1 << 20, 23);
        using IPageCompressor fast = PageCodecs.CreateCompressor(codec, low);
        using IPageCompressor strong = PageCodecs.CreateCompressor(codec, high);

        int fastLength = PageCodec.Compress(fast, input).Length;
        int strongLength = PageCodec.Compress(strong, input).Length;

        Assert.True(strongLength < fastLength, $"{codec} level {high} gave {strongLength} bytes, level {low} {fastLength}.");
    }

    [Theory]
    [InlineData(ParquetCodec.Zstd, 0)]
    [InlineData(ParquetCodec.Zstd, 23)]
    [InlineData(ParquetCodec.Gzip, -1)]
    [InlineData(ParquetCodec.Gzip, 10)]
    [InlineData(ParquetCodec.Brotli, -1)]
    [InlineData(ParquetCodec.Brotli, 12)]
    public void CreateCompressor_LevelOutOfRange_Throws(ParquetCodec codec, int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageCodecs.CreateCompressor(codec, level));
    }

    [Theory]
    [InlineData(ParquetCodec.Uncompressed)]
    [InlineData(ParquetCodec.Snappy)]
    public void CreateCompressor_LevelForCodecWithoutLevels_IsIgnored(ParquetCodec codec)
    {
        byte[] input = CodecSamples.Structured(10_000, 24);
        using IPageCompressor plain = PageCodecs.CreateCompressor(codec);
        using IPageCompressor leveled = PageCodecs.CreateCompressor(codec, 7);

        Assert.Equal(PageCodec.Compress(plain, input), PageCodec.Compress(leveled, input));
    }

    [Fact]
    public void CreateCompressor_UnknownCodec_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageCodecs.CreateCompressor((ParquetCodec)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageCodecs.CreateDecompressor((ParquetCodec)5));
    }

    [Theory]
    [MemberData(nameof(CodecSamples.AllCodecs), MemberType = typeof(CodecSamples))]
    public void Codec_OfEachFactoryResult_IsTheOneAskedFor(ParquetCodec codec)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);

        Assert.Equal(codec, compressor.Codec);
        Assert.Equal(codec, decompressor.Codec);
    }
}
