using Bronze.Galexie;
using Bronze.LakeWriter;
using Bronze.Sources;
using Bronze.Stellar;
using Bronze.Testing.Galexie;

namespace Bronze.Tests.Galexie;

public sealed class GalexieLedgerSourceTests
{
    [Theory]
    [InlineData(64_000u, "zst")]
    [InlineData(1u, "zstd")]
    public async Task ReadAsync_RealTestnetLake_YieldsTheLedgersDecodedAndChained(uint batchesPerPartition, string extension)
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.Testnet();
        await lake.WriteTestnetAsync(batchesPerPartition: batchesPerPartition, extension: extension);

        List<LedgerRow> rows = await lake.ReadAsync(LakeFixture.Testnet, 997, 999);

        Assert.Equal([997L, 998L, 999L], rows.Select(r => r.LedgerSequence));
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(ledgers[i].Xdr.ToArray(), rows[i].XdrBytes.ToArray());
            Assert.Equal(LedgerCloseMetaDecoder.Decode(ledgers[i].Xdr).Row with { XdrBytes = rows[i].XdrBytes }, rows[i]);
            Assert.Equal(20, rows[i].ProtocolVersion);
            if (i > 0) Assert.Equal(rows[i - 1].LedgerHash, rows[i].PreviousLedgerHash);
        }

        Assert.Equal(DateTimeOffset.Parse("2024-02-06T19:00:49Z", System.Globalization.CultureInfo.InvariantCulture), rows[2].CloseTime);
    }

    [Theory]
    [InlineData(2u, 4u)]
    [InlineData(2u, 1u)]
    [InlineData(16u, 1u)]
    public async Task ReadAsync_MultiLedgerBatches_YieldsEveryLedgerInOrder(uint ledgersPerBatch, uint batchesPerPartition)
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, ledgersPerBatch, batchesPerPartition), ledgers);

        List<LedgerRow> rows = await lake.ReadAsync(LakeFixture.Standalone, 10_048, 10_063, new GalexieSourceOptions { MaxReadsInFlight = 3 });

        Assert.Equal(Enumerable.Range(10_048, 16).Select(i => (long)i), rows.Select(r => r.LedgerSequence));
        Assert.All(rows, r => Assert.Equal(ledgers[(int)(r.LedgerSequence - 10_048)].Xdr.ToArray(), r.XdrBytes.ToArray()));
        Assert.All(rows, r => Assert.Equal(25, r.ProtocolVersion));
    }

    [Fact]
    public async Task ReadAsync_MixedExtensions_FindsEachBatch()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.Testnet();
        await lake.WriteTestnetAsync(ledgers.Take(1), extension: "zstd");
        await lake.WriteTestnetAsync(ledgers.Skip(1), extension: "zst");

        List<LedgerRow> rows = await lake.ReadAsync(LakeFixture.Testnet, 997, 999);

        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task ReadAsync_MissingBatchFile_FailsNamingLedgerAndKey()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync(RealLedgers.Testnet().Where(l => l.Sequence != 998));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Testnet, 997, 999));

        Assert.Contains("ledger 998 is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("FFFFFFFF--0-63999/FFFFFC19--998.xdr.zst", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BatchHoldsOtherSequencesThanItsKey_Fails()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 2, 1), ledgers.Where(l => l.Sequence != 10_051));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Standalone, 10_048, 10_055));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("'FFFFD8BD--10050-10051.xdr.zst' holds ledgers 10050-10050, but its key says 10050-10051", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LedgerMissingFromBatch_FailsAsAGap()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 2, 1), ledgers.Where(l => l.Sequence < 10_050));
        LedgerXdr twice = ledgers.Single(l => l.Sequence == 10_050);
        await ReplaceBatchAsync(lake, "FFFFD8BD--10050-10051.xdr.zst", GalexieLakeWriter.BatchXdr(10_050, 10_051, [twice.Xdr, twice.Xdr]));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Standalone, 10_048, 10_051));

        Assert.Contains("ledger 10051 is missing from batch 'FFFFD8BD--10050-10051.xdr.zst'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BatchCountShort_FailsAsAGap()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 2, 1), ledgers.Where(l => l.Sequence < 10_050));
        await ReplaceBatchAsync(lake, "FFFFD8BD--10050-10051.xdr.zst", GalexieLakeWriter.BatchXdr(10_050, 10_051, [ledgers.Single(l => l.Sequence == 10_050).Xdr]));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Standalone, 10_050, 10_051));

        Assert.Contains("holds 1 ledgers, not 2: a gap", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public async Task ReadAsync_CorruptZstd_FailsNamingLedgerAndKey(string damage)
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync(batchesPerPartition: 1);
        string path = lake.PathOf("FFFFFC19--998.xdr.zst");
        byte[] bytes = File.ReadAllBytes(path);
        File.Delete(path);
        File.WriteAllBytes(path, damage == "truncated" ? bytes[..(bytes.Length / 2)] : [.. bytes.Select(b => (byte)(b ^ 0x5A))]);

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Testnet, 997, 999));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("ledger 998 in batch 'FFFFFC19--998.xdr.zst' is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_HashNotOfHeader_FailsNamingLedgerAndKey()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync(RealLedgers.Testnet().Select(l => l.Sequence == 998 ? l with { Xdr = LedgerForge.WithCorruptHeader(l.Xdr) } : l));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Testnet, 997, 999));

        Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        Assert.Contains("ledger 998 in batch 'FFFFFFFF--0-63999/FFFFFC19--998.xdr.zst' is corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains("hash", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(997L, 999L)] // within the range
    [InlineData(998L, 999L)] // across the range's first ledger: 997 is read only to check the chain
    public async Task ReadAsync_BrokenHashChain_FailsNamingLedgerAndKey(long start, long end)
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync(RealLedgers.Testnet().Select(l => l.Sequence == 998 ? l with { Xdr = LedgerForge.WithOtherPreviousHash(l.Xdr) } : l));

        var error = await Assert.ThrowsAsync<BronzeException>(() => lake.ReadAsync(LakeFixture.Testnet, start, end));

        Assert.Contains("ledger 998 in batch 'FFFFFFFF--0-63999/FFFFFC19--998.xdr.zst' names previous ledger hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PreviousLedgerNotInLake_ReadsWithoutTheCrossCheck()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync(RealLedgers.Testnet().Where(l => l.Sequence != 997).Select(l => l.Sequence == 998 ? l with { Xdr = LedgerForge.WithOtherPreviousHash(l.Xdr) } : l));

        List<LedgerRow> rows = await lake.ReadAsync(LakeFixture.Testnet, 998, 998);

        Assert.Equal(998, Assert.Single(rows).LedgerSequence);
    }

    [Theory]
    [InlineData("p23_plus", true)]
    [InlineData("pre_p23", false)]
    [InlineData("some_era", false)]
    public async Task ReadAsync_ProtocolOutsideEra_Fails(string era, bool fails)
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync();

        Exception? error = await Record.ExceptionAsync(() => lake.ReadAsync(new DatasetRef("testnet", era, "v1", "ledgers_lcm_raw"), 997, 999));

        if (!fails) Assert.Null(error);
        else Assert.Contains("ledger 997 in batch 'FFFFFFFF--0-63999/FFFFFC1A--997.xdr.zst' has protocol 20, which does not fit era p23_plus", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsAndLeavesNoReadRunning()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 1, 1), RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd"));
        GalexieLedgerSource source = await lake.SourceAsync(new GalexieSourceOptions { MaxReadsInFlight = 8 });
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (LedgerRow row in source.ReadAsync(LakeFixture.Standalone, 10_048, 10_077, cancel.Token))
            {
                if (row.LedgerSequence == 10_050) await cancel.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task ExpectedRowCount_RangeFromZero_StartsAtLedgerTwo()
    {
        using var lake = new LakeFixture();
        await lake.WriteTestnetAsync([]);

        GalexieLedgerSource source = await lake.SourceAsync();

        Assert.Equal(9_998, source.ExpectedRowCount(0, 9_999));
        Assert.Equal(10, source.ExpectedRowCount(10, 19));
    }

    private static async Task ReplaceBatchAsync(LakeFixture lake, string key, byte[] batchXdr)
    {
        string path = lake.PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        await File.WriteAllBytesAsync(path, GalexieLakeWriter.Compress(batchXdr));
    }
}
