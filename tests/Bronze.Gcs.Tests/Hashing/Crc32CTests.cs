using System.Text;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Tests.Hashing;

public sealed class Crc32CTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Compute_KnownVector_MatchesCastagnoli(string text, uint expected)
    {
        uint actual = Crc32C.Compute(Encoding.ASCII.GetBytes(text));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compute_ThirtyTwoZeroBytes_MatchesRfc3720Vector()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    [Fact]
    public void Append_InPiecesOfEveryAlignment_EqualsOneShot()
    {
        byte[] data = new byte[1000];
        new Random(7).NextBytes(data);
        uint expected = Crc32C.Compute(data);

        for (int split = 0; split <= 17; split++)
        {
            uint state = Crc32C.Append(Crc32C.Initial, data.AsSpan(0, split));
            state = Crc32C.Append(state, data.AsSpan(split));
            Assert.Equal(expected, Crc32C.Finish(state));
        }
    }

    [Fact]
    public void ToBase64_KnownValue_IsBigEndian()
    {
        // Cloud Storage's documented example: crc32c of "hello world" is yZRlqg==.
        uint crc = Crc32C.Compute(Encoding.ASCII.GetBytes("hello world"));

        Assert.Equal("yZRlqg==", Crc32C.ToBase64(crc));
    }
}
