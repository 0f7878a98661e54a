using Bronze.Parquet.Compression;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>The SNAPPY codec (Snappier) against Google's reference library: each decodes what the other encodes.</summary>
public sealed class ReferenceSnappyTests
{
    [Theory]
    [MemberData(nameof(CodecSamples.SampleNames), MemberType = typeof(CodecSamples))]
    public void ReferenceUncompress_BronzeOutput_GivesTheInput(string sample)
    {
        using ReferenceSnappy reference = Open();
        byte[] input = CodecSamples.Get(sample);
        using IPageCompressor compressor = PageCodecs.CreateCompressor(ParquetCodec.Snappy);

        byte[]? output = reference.Uncompress(PageCodec.Compress(compressor, input), input.Length);

        Assert.NotNull(output);
        Assert.Equal(input, output);
    }

    [Theory]
    [MemberData(nameof(CodecSamples.SampleNames), MemberType = typeof(CodecSamples))]
    public void Decompress_ReferenceOutput_GivesTheInput(string sample)
    {
        using ReferenceSnappy reference = Open();
        byte[] input = CodecSamples.Get(sample);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(ParquetCodec.Snappy);
        var output = new byte[input.Length];

        decompressor.Decompress(reference.Compress(input), output);

        Assert.Equal(input, output);
    }

    [Fact]
    public void Compress_StructuredData_IsWithinAFewPercentOfTheReferenceSize()
    {
        using ReferenceSnappy reference = Open();
        byte[] input = CodecSamples.Structured(4 << 20, 71);
        using IPageCompressor compressor = PageCodecs.CreateCompressor(ParquetCodec.Snappy);

        int ours = PageCodec.Compress(compressor, input).Length;
        int theirs = reference.Compress(input).Length;

        Assert.InRange(ours, theirs * 0.95, theirs * 1.05);
    }

    private static ReferenceSnappy Open() => new(TestServer.Require("BRONZE_TEST_LIBSNAPPY", "Google's reference libsnappy"));
}
