using Bronze.Galexie;
using Bronze.Testing.Galexie;

namespace Bronze.Tests.Galexie;

public sealed class GalexieLayoutTests
{
    [Fact]
    public void BatchKey_PubnetLedger50000000_IsTheKeyGalexieWrites()
    {
        var layout = new GalexieLayout(TestLakes.Config("p", ledgersPerBatch: 1, batchesPerPartition: 64_000));

        Assert.Equal("FD054DFF--49984000-50047999/FD050F7F--50000000.xdr.zst", layout.BatchKey(50_000_000, "zst"));
    }

    [Theory]
    [InlineData(1u, 1u, 999L, "FFFFFC18--999.xdr.zst")]
    [InlineData(64u, 1u, 70L, "FFFFFFBF--64-127.xdr.zst")]
    [InlineData(2u, 8u, 3L, "FFFFFFFF--0-15/FFFFFFFD--2-3.xdr.zst")]
    [InlineData(64u, 10u, 5L, "FFFFFFFF--0-639/FFFFFFFF--0-63.xdr.zst")]
    public void BatchKey_BatchAndPartitionSizes_MatchSep54(uint ledgersPerBatch, uint batchesPerPartition, long sequence, string expected)
    {
        var layout = new GalexieLayout(TestLakes.Config("p", ledgersPerBatch, batchesPerPartition));

        Assert.Equal(expected, layout.BatchKey(sequence, "zst"));
    }

    [Theory]
    [InlineData("FFFFFFFF--0-63999/FFFFFC18--999.xdr.zst", 999L, 999L, "zst")]
    [InlineData("FFFFFFBF--64-127.xdr.zstd", 64L, 127L, "zstd")]
    public void TryParseBatchKey_GalexieKey_GivesRangeAndExtension(string key, long start, long end, string extension)
    {
        Assert.True(GalexieLayout.TryParseBatchKey(key, out var batch));
        Assert.Equal((start, end, extension), batch);
    }

    [Theory]
    [InlineData(".config.json")]
    [InlineData("FFFFFC17--999.xdr.zst")] // the hex does not match the start
    [InlineData("FFFFFC18--999.xdr.gz")]
    [InlineData("FFFFFFBF--64-63.xdr.zst")] // end before start
    [InlineData("ffffffbf--64-127.xdr.zst")] // galexie writes upper-case hex
    public void TryParseBatchKey_OtherName_IsFalse(string key)
    {
        Assert.False(GalexieLayout.TryParseBatchKey(key, out _));
    }
}
