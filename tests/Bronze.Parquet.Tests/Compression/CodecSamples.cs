using System.Text;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>Named inputs that probe the edges of each codec: sizes around Snappy's 64 KiB blocks and tag limits, data
/// that does and does not compress.</summary>
internal static class CodecSamples
{
    public static readonly ParquetCodec[] Codecs =
        [ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Gzip, ParquetCodec.Brotli, ParquetCodec.Zstd];

    private static readonly Dictionary<string, Func<byte[]>> Factories = new(StringComparer.Ordinal)
    {
        ["empty"] = () => [],
        ["one byte"] = () => [0x42],
        ["two bytes"] = () => [0x42, 0x42],
        ["15 bytes"] = () => Repetitive(15),
        ["16 bytes"] = () => Repetitive(16),
        ["17 bytes"] = () => Repetitive(17),
        ["60 random"] = () => Random(60, 1),
        ["61 random"] = () => Random(61, 2),
        ["256 random"] = () => Random(256, 3),
        ["257 random"] = () => Random(257, 4),
        ["65535 random"] = () => Random(65535, 5),
        ["65536 random"] = () => Random(65536, 6),
        ["65537 random"] = () => Random(65537, 7),
        ["1 MiB random"] = () => Random(1 << 20, 8),
        ["1 MiB zeros"] = () => new byte[1 << 20],
        ["65535 structured"] = () => Structured(65535, 9),
        ["65536 structured"] = () => Structured(65536, 10),
        ["65537 structured"] = () => Structured(65537, 11),
        ["131072 structured"] = () => Structured(131072, 12),
        ["131073 structured"] = () => Structured(131073, 13),
        ["3 blocks + 5 structured"] = () => Structured((3 << 16) + 5, 14),
        ["200 KiB repetitive"] = () => Repetitive(200 << 10),
        ["4 MiB structured"] = () => Structured(4 << 20, 15),
        ["text"] = () => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Bronze writes the raw layer of a data lake. ", 3000))),
    };

    public static IEnumerable<string> Names => Factories.Keys;

    public static byte[] Get(string name) => Factories[name]();

    /// <summary>Every codec with every sample, for theories.</summary>
    public static TheoryData<ParquetCodec, string> CodecsAndSamples()
    {
        var data = new TheoryData<ParquetCodec, string>();
        foreach (ParquetCodec codec in Codecs)
        {
            foreach (string name in Names) data.Add(codec, name);
        }

        return data;
    }

    /// <summary>Every sample name, for theories.</summary>
    public static TheoryData<string> SampleNames() => new(Names);

    /// <summary>Every codec, for theories.</summary>
    public static TheoryData<ParquetCodec> AllCodecs() => new(Codecs);

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Repetitive(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)"abcdefg"[i % 7];
        return bytes;
    }

    /// <summary>Records with repeated field shapes, random hashes, small integers and runs: matches at every
    /// distance, short and long, the way ledger XDR has them.</summary>
    public static byte[] Structured(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        int i = 0;
        while (i < length)
        {
            int kind = random.Next(5);
            int size = kind switch { 0 => 32, 1 => 4, 2 => random.Next(1, 300), 3 => 8, _ => random.Next(4, 40) };
            for (int j = 0; j < size && i < length; j++, i++)
            {
                bytes[i] = kind switch
                {
                    0 => (byte)random.Next(256),
                    1 => j == 3 ? (byte)random.Next(8) : (byte)0,
                    2 => i >= 1000 ? bytes[i - 1000] : (byte)j,
                    3 => (byte)(j < 6 ? 0 : random.Next(4)),
                    _ => (byte)('A' + (j % 26)),
                };
            }
        }

        return bytes;
    }
}
