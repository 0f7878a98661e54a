using Bronze.Parquet.Compression;
using Bronze.Parquet.Compression.Zstd;

namespace Bronze.Parquet.Tests.Compression;

public sealed class ZstdLibraryTests
{
    [Fact]
    public void Load_MissingLibrary_ThrowsNamingTheLibraryAndPackage()
    {
        var error = Assert.Throws<CodecUnavailableException>(() => ZstdLibrary.Load("libzstd-not-here.so.1"));

        Assert.Equal(ParquetCodec.Zstd, error.Codec);
        Assert.Equal("libzstd-not-here.so.1", error.LibraryName);
        Assert.Contains("libzstd-not-here.so.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("libzstd1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LibraryWithoutZstdFunctions_ThrowsNamingTheLibrary()
    {
        // A real library that is not libzstd stands in for a libzstd too old to have the functions Bronze calls.
        var error = Assert.Throws<CodecUnavailableException>(() => ZstdLibrary.Load("libz.so.1"));

        Assert.Contains("libz.so.1", error.Message, StringComparison.Ordinal);
        Assert.IsType<EntryPointNotFoundException>(error.InnerException);
    }

    [Fact]
    public unsafe void Shared_SystemLibrary_IsAtLeastVersion14()
    {
        uint version = ZstdLibrary.Shared.VersionNumber();

        Assert.True(version >= 10400, $"libzstd {version} is older than 1.4.0.");
    }
}
