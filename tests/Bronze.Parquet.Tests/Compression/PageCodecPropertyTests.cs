using Bronze.Parquet.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace Bronze.Parquet.Tests.Compression;

public sealed class PageCodecPropertyTests
{
    /// <summary>Byte arrays that mix random bytes from alphabets of 1 to 256 symbols with copies of earlier stretches
    /// at any distance: plain random arrays would almost never give a compressor a match to find.</summary>
    private static readonly Arbitrary<byte[]> Inputs = Gen.Sized(size =>
            from length in Gen.Choose(0, (size * 3000) + 1)
            from alphabet in Gen.Choose(1, 256)
            from copyPercent in Gen.Choose(0, 95)
            from seed in Gen.Choose(0, int.MaxValue)
            select Build(length, alphabet, copyPercent, seed))
        .ToArbitrary();

    [Theory]
    [MemberData(nameof(CodecSamples.AllCodecs), MemberType = typeof(CodecSamples))]
    public void Compress_RandomInput_RoundTrips(ParquetCodec codec)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);
        Property property = Prop.ForAll(Inputs, input =>
        {
            byte[] compressed = PageCodec.Compress(compressor, input);
            var output = new byte[input.Length];
            return decompressor.Decompress(compressed, output) == input.Length && input.AsSpan().SequenceEqual(output);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(200), property);
    }

    [Fact]
    public void SnappyDecompress_RandomBytes_ReturnsOrThrowsInvalidData()
    {
        // Whatever the input, the decoder either fills the destination or rejects the input; anything else (an
        // access violation, another exception type) fails the property.
        IPageDecompressor decompressor = PageCodecs.CreateDecompressor(ParquetCodec.Snappy);
        Arbitrary<byte[]> garbage = Gen.Sized(size =>
                from length in Gen.Choose(0, (size * 20) + 1)
                from seed in Gen.Choose(0, int.MaxValue)
                from declared in Gen.Choose(0, 5000)
                select Garbage(length, seed, declared))
            .ToArbitrary();
        Property property = Prop.ForAll(garbage, input =>
        {
            int declared = input.Length == 0 ? 0 : ReadVarint(input);
            var output = new byte[Math.Max(declared, 0)];
            try
            {
                return decompressor.Decompress(input, output) == output.Length;
            }
            catch (InvalidDataException)
            {
                return true;
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(200), property);
    }

    private static byte[] Build(int length, int alphabet, int copyPercent, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        int i = 0;
        while (i < length)
        {
            if (i > 4 && random.Next(100) < copyPercent)
            {
                int distance = random.Next(1, Math.Min(i, 70_000) + 1);
                int run = Math.Min(random.Next(1, 300), length - i);
                for (int j = 0; j < run; j++, i++) bytes[i] = bytes[i - distance];
            }
            else
            {
                bytes[i++] = (byte)random.Next(alphabet);
            }
        }

        return bytes;
    }

    /// <summary>A plausible length prefix followed by random tags, so the decoder gets past the header.</summary>
    private static byte[] Garbage(int length, int seed, int declared)
    {
        var random = new Random(seed);
        var bytes = new byte[length + 3];
        random.NextBytes(bytes);
        bytes[0] = (byte)(declared | 0x80);
        bytes[1] = (byte)((declared >> 7) & 0x7F);
        return bytes;
    }

    /// <summary>The block's declared length (a little-endian base-128 varint), or 0 when it is malformed.</summary>
    private static int ReadVarint(byte[] input)
    {
        long value = 0;
        for (int i = 0; i < Math.Min(input.Length, 5); i++)
        {
            value |= (long)(input[i] & 0x7F) << (7 * i);
            if (input[i] < 0x80) return value > 1 << 20 ? 0 : (int)value;
        }

        return 0;
    }
}
