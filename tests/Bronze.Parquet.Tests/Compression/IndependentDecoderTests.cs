using Bronze.Parquet.Compression;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>Bronze's output read by decoders nobody here wrote (the zstd and gzip tools), and theirs read by Bronze.</summary>
public sealed class IndependentDecoderTests
{
    [Theory]
    [MemberData(nameof(CodecSamples.SampleNames), MemberType = typeof(CodecSamples))]
    public async Task ZstdCli_BronzeFrame_DecompressesToTheInput(string sample)
    {
        string zstd = TestServer.Require("BRONZE_TEST_ZSTD_CLI", "The zstd command-line tool");
        byte[] input = CodecSamples.Get(sample);

        byte[] output = await ExternalTool.RunAsync(zstd, ZstdDecompressionStreamTests.ZstdPage(input), "-d", "-c", "-q");

        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-19")]
    [InlineData("--fast=5")]
    public async Task ZstdPageDecompressor_CliFrameWithoutContentSize_DecompressesToTheInput(string level)
    {
        string zstd = TestServer.Require("BRONZE_TEST_ZSTD_CLI", "The zstd command-line tool");
        byte[] input = CodecSamples.Structured(1_500_000, 61);

        // From stdin the tool does not know the size, so the frame has no content size, as galexie's may not.
        byte[] frame = await ExternalTool.RunAsync(zstd, input, level, "-c", "-q");
        var output = new byte[input.Length];
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(ParquetCodec.Zstd);
        decompressor.Decompress(frame, output);

        Assert.Equal(input, output);
    }

    [Theory]
    [MemberData(nameof(CodecSamples.SampleNames), MemberType = typeof(CodecSamples))]
    public async Task GzipCli_BronzeFrame_DecompressesToTheInput(string sample)
    {
        string gzip = TestServer.Require("BRONZE_TEST_GZIP_CLI", "The gzip command-line tool");
        byte[] input = CodecSamples.Get(sample);
        using IPageCompressor compressor = PageCodecs.CreateCompressor(ParquetCodec.Gzip);

        byte[] output = await ExternalTool.RunAsync(gzip, PageCodec.Compress(compressor, input), "-d", "-c");

        Assert.Equal(input, output);
    }

    [Fact]
    public async Task GzipPageDecompressor_CliFrame_DecompressesToTheInput()
    {
        string gzip = TestServer.Require("BRONZE_TEST_GZIP_CLI", "The gzip command-line tool");
        byte[] input = CodecSamples.Structured(1_000_000, 62);

        byte[] frame = await ExternalTool.RunAsync(gzip, input, "-9", "-c", "-n");
        var output = new byte[input.Length];
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(ParquetCodec.Gzip);
        decompressor.Decompress(frame, output);

        Assert.Equal(input, output);
    }

    [Fact]
    public void Compress_Gzip_WritesAFixedHeader()
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(ParquetCodec.Gzip);

        byte[] frame = PageCodec.Compress(compressor, CodecSamples.Structured(1000, 63));

        // Magic, DEFLATE, no flags (no name, no comment), mtime 0, then the OS byte fixed to 255 (unknown).
        Assert.Equal(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0 }, frame[..8]);
        Assert.Equal(0xFF, frame[9]);
    }
}
