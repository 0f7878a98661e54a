using Bronze.Copier;
using Bronze.Galexie;
using Bronze.Parquet;
using Bronze.Testing.Galexie;
using Bronze.Tests.Galexie;

namespace Bronze.Tests.Copier;

/// <summary>
/// The exact data files known runs write. Output is byte-deterministic and users compare checksums across runs and
/// machines, so a refactoring of the row-to-column path must leave these digests unchanged; a change that means to
/// change the bytes (a new column, a new table version) updates them on purpose. UNCOMPRESSED and SNAPPY only: ZSTD's
/// bytes belong to the system's libzstd build, not to Bronze.
/// </summary>
public sealed class PinnedBytesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(
        ParquetCodec.Uncompressed,
        "d52ae98d8339e50c4067be2f0803ef606504007ee4ed917a258e74ec33afcfba",
        "9a91e2d683f0cfa64d4b2e64e69845a8f1b3fa1b56f4957a20bc7c59be6f1469",
        "a585f615ea84a1b346e41036b34422d88fba5788a1118dea8631b0044887b176")]
    [InlineData(
        ParquetCodec.Snappy,
        "3e9c57671dc9f342eb94001052bd11c2bd8ed1e318b4c33f7c983946a1762331",
        "a83789d5d24b629bdd4777da2c7065d62346a1d1505ff81b420fdfa984139594",
        "fd626726368bf38d3c4e840362fad83cef25a479de5bad5ff5c32ad1e2ca02c1")]
    public async Task RunAsync_SyntheticRange_WritesThePinnedBytes(ParquetCodec codec, string first, string second, string third)
    {
        using var fixture = new CopierFixture();

        await fixture.Copier(CopierFixture.Options() with { Codec = codec }).RunAsync(Token);

        Assert.Equal(
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/part-0-9.parquet"] = first,
                ["lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/part-10-19.parquet"] = second,
                ["lake/pubnet/pre_p23/v1/ledgers_lcm_raw/range=20-29/part-20-29.parquet"] = third,
            },
            LakeCopies.ParquetDigests(fixture.Root));
    }

    [Fact]
    public async Task RunAsync_RealStandaloneLake_WritesThePinnedBytes()
    {
        RealLedgers.Require();
        using var lake = new LakeFixture();
        await lake.WriteAsync(TestLakes.Config(RealLedgers.StandalonePassphrase, 1, 1), RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd"));
        using var fixture = new CopierFixture();
        CopierOptions options = CopierFixture.Options(10_050, 10_069) with { Dataset = LakeFixture.Standalone, Codec = ParquetCodec.Snappy };

        CopyRunSummary summary = await fixture.Copier(options, await lake.SourceAsync()).RunAsync(Token);

        Assert.Equal(2, summary.Written);
        Assert.Equal(
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["lake/standalone/p23_plus/v1/ledgers_lcm_raw/range=10050-10059/part-10050-10059.parquet"] = 
                    "3dc8e280c300cf9112e5d97ac0b3b9c7e491a250f744d6a886f3251f049942e3",
                ["lake/standalone/p23_plus/v1/ledgers_lcm_raw/range=10060-10069/part-10060-10069.parquet"] = 
                    "e9c6a2c7a9051e277e8b8a43ce81afc29d6d6c37c34a19b8ce8204f28b82db56",
            },
            LakeCopies.ParquetDigests(fixture.Root));
    }
}
