using Bronze.Parquet.Compression.Snappy;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>
/// Byte-level checks of the SNAPPY page codec (Snappier) against google/snappy's format_description.txt, with streams
/// written by hand, and Bronze's own rule on top: corrupt input is <see cref="InvalidDataException"/> naming Snappy.
/// Snappier stops decoding once the destination (the page's declared size) is full, so a block whose excess lies past
/// that point (a literal or copy running past the declared length, a tag after the last byte) is not rejected: no
/// case of that kind is listed below.
/// </summary>
public sealed class SnappyFormatTests
{
    [Fact]
    public void Compress_Empty_IsJustTheZeroLength()
    {
        Assert.Equal(new byte[] { 0x00 }, Compress([]));
    }

    [Fact]
    public void Compress_FixedInput_GivesTheBytesSnappier131Gave()
    {
        // Byte-determinism across processes and versions: the same pages must keep giving the same file bytes, so a
        // Snappier upgrade that changes its output (and every snappy file's checksum) must be noticed here.
        byte[] input = CodecSamples.Structured(300_000, 45);

        string sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Compress(input)));

        Assert.Equal("69cc30d2962f6d7b953cfb33eb8bea95a869340bd76a059fb589eab73c685aa9", sha256);
    }

    [Fact]
    public void Compress_OneByte_IsOneLiteral()
    {
        Assert.Equal(new byte[] { 0x01, 0x00, 0x42 }, Compress([0x42]));
    }

    [Fact]
    public void Compress_FullRandomBlock_IsOneLiteralWithTwoLengthBytes()
    {
        byte[] input = CodecSamples.Random(65536, 41);

        byte[] compressed = Compress(input);

        // Varint 65536 = 80 80 04; tag 61 << 2 = 0xF4 says two length bytes follow, holding 65535 = length - 1.
        Assert.Equal(new byte[] { 0x80, 0x80, 0x04, 0xF4, 0xFF, 0xFF }, compressed[..6]);
        Assert.Equal(input, compressed[6..]);
    }

    [Fact]
    public void Compress_LongRun_UsesCopiesOfAtMost64Bytes()
    {
        byte[] input = new byte[1000];

        byte[] compressed = Compress(input);

        // One literal byte, then copies of offset 1: 1000 bytes need at least 999 / 64 of them, 3 bytes each.
        Assert.Equal(new byte[] { 0xE8, 0x07, 0x00, 0x00 }, compressed[..4]);
        Assert.InRange(compressed.Length, 4 + (3 * 15), 4 + (3 * 17));
    }

    [Fact]
    public void Compress_RepeatAcrossBlocks_NeverCopiesFromAnEarlierBlock()
    {
        // Block 2 repeats block 1 exactly; the reference matches inside a block only, so block 2 must start with a
        // literal, not with a copy reaching 64 KiB back.
        byte[] block = CodecSamples.Random(65536, 42);
        byte[] input = [.. block, .. block];

        byte[] compressed = Compress(input);

        Assert.True(compressed.Length > 2 * 65536, "The second block was compressed against the first.");
    }

    [Fact]
    public void Decompress_AllLiteralLengthForms_AreRead()
    {
        byte[] payload = CodecSamples.Random(300, 43);
        byte[] stream =
        [
            0xAC, 0x02, // 300
            0x00, payload[0], // 1 byte, length in the tag
            60 << 2, 0x00, payload[1], // 1 byte, one length byte
            61 << 2, 0x00, 0x00, payload[2], // 1 byte, two length bytes
            62 << 2, 0x00, 0x00, 0x00, payload[3], // 1 byte, three length bytes
            63 << 2, 0x27, 0x01, 0x00, 0x00, .. payload[4..], // 296 bytes, four length bytes
        ];

        Assert.Equal(payload, Decompress(stream, 300));
    }

    [Fact]
    public void Decompress_AllCopyForms_AreRead()
    {
        byte[] stream =
        [
            0x14, // 20
            0x0C, (byte)'a', (byte)'b', (byte)'c', (byte)'d', // literal "abcd"
            0x01, 0x04, // copy-1: length 4, offset 4 -> "abcd"
            0x0A, 0x08, 0x00, // copy-2: length 3, offset 8 -> "abc"
            0x0F, 0x02, 0x00, 0x00, 0x00, // copy-4: length 4, offset 2 -> "bcbc" (overlapping)
            0x00, (byte)'z', 0x01, 0x01, // literal "z", then copy-1 length 4 offset 1 -> "zzzz"
        ];

        Assert.Equal("abcdabcdabcbcbczzzzz", System.Text.Encoding.ASCII.GetString(Decompress(stream, 20)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Decompress_OverlappingCopiesOfShortPeriod_RepeatThePattern(int period)
    {
        // One literal of one period, then copies of every length from 4 to 64 at that offset, the last ones ending
        // right at the end of the output where no overshoot is allowed.
        var expected = new List<byte>();
        var stream = new List<byte> { (byte)((period - 1) << 2) };
        for (int i = 0; i < period; i++)
        {
            stream.Add((byte)(0x30 + i));
            expected.Add((byte)(0x30 + i));
        }

        for (int length = 4; length <= 64; length++)
        {
            stream.AddRange([(byte)(2 | ((length - 1) << 2)), (byte)period, 0]);
            for (int i = 0; i < length; i++) expected.Add(expected[^period]);
        }

        byte[] header = Compress(new byte[expected.Count])[..VarintLength(expected.Count)];

        Assert.Equal(expected.ToArray(), Decompress([.. header, .. stream], expected.Count));
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x01, 0x00 }, "offset 0")]
    [InlineData(new byte[] { 0x05, 0x00, 0x61, 0x01, 0x02 }, "offset past the start")]
    [InlineData(new byte[] { 0x03, 0x08, 0x61 }, "literal past the end of the input")]
    [InlineData(new byte[] { 0x02, 0x00, 0x61 }, "fewer bytes than declared")]
    [InlineData(new byte[] { 0x05, 0x00, 0x61, 0x02, 0x01 }, "copy-2 offset cut off")]
    [InlineData(new byte[] { 0x05, 0x00, 0x61, 0x03, 0x01, 0x00, 0x00 }, "copy-4 offset cut off")]
    [InlineData(new byte[] { 0x05, 0x00, 0x61, 0x01 }, "copy-1 offset cut off")]
    [InlineData(new byte[] { 0x05, 63 << 2, 0x00 }, "literal length cut off")]
    [InlineData(new byte[] { 0x05, 0x00, 0x61, 0x03, 0xFF, 0xFF, 0xFF, 0xFF }, "copy-4 offset of 4 GiB")]
    [InlineData(new byte[] { 0x05, 63 << 2, 0xFF, 0xFF, 0xFF, 0xFF }, "literal of 4 GiB")]
    public void Decompress_CorruptStream_ThrowsInvalidData(byte[] stream, string what)
    {
        int declared = stream[0];

        var error = Assert.Throws<InvalidDataException>(() => Decompress(stream, declared));

        Assert.Contains("Snappy", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, "six varint bytes")]
    [InlineData(new byte[] { 0x80 }, "varint cut off")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, "length above int.MaxValue")]
    [InlineData(new byte[] { }, "nothing")]
    public void Decompress_BadLengthVarint_ThrowsInvalidData(byte[] stream, string what)
    {
        Assert.Throws<InvalidDataException>(() => SnappyPageCodec.Instance.Decompress(stream, new byte[16]));
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(1 << 20)]
    public void MaxCompressedLength_AtLeastTheReferenceBound(int length)
    {
        // google/snappy's MaxCompressedLength: 32 + n + n / 6. Any valid encoder's output fits in it.
        Assert.True(SnappyPageCodec.Instance.MaxCompressedLength(length) >= 32 + length + (length / 6));
    }

    private static byte[] Compress(byte[] input)
    {
        var buffer = new byte[SnappyPageCodec.Instance.MaxCompressedLength(input.Length)];
        return buffer[..SnappyPageCodec.Instance.Compress(input, buffer)];
    }

    private static int VarintLength(int value) => value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : 4;

    private static byte[] Decompress(byte[] stream, int length)
    {
        var output = new byte[length];
        SnappyPageCodec.Instance.Decompress(stream, output);
        return output;
    }
}
