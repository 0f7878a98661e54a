using System.Text;
using Bronze.Parquet.Compression.Bcl;

namespace Bronze.Parquet.Tests.Compression;

public sealed class GzipCrc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Compute_KnownVector_GivesTheStandardChecksum(string text, uint expected)
    {
        Assert.Equal(expected, GzipCrc32.Compute(Encoding.ASCII.GetBytes(text)));
    }
}
