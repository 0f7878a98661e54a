using System.Text;
using Bronze.Galexie;
using Bronze.Testing.Galexie;

namespace Bronze.Tests.Galexie;

public sealed class GalexieConfigTests
{
    [Fact]
    public void Parse_RealTestnetConfig_ReadsEveryField()
    {
        RealLedgers.Require();
        byte[] json = File.ReadAllBytes(Path.Join(RealLedgers.TestnetLake, GalexieConfig.Key));

        GalexieConfig config = GalexieConfig.Parse(json, "test");

        Assert.Equal(new GalexieConfig(RealLedgers.TestnetPassphrase, "1.0", "zstd", 1, 64_000), config);
        Assert.Equal(config, GalexieConfig.Parse(config.ToJson(), "test"));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"version":"1.0","compression":"zstd","ledgersPerBatch":1,"batchesPerPartition":1}""", "lacks \"networkPassphrase\"")]
    [InlineData("""{"networkPassphrase":"p","version":"1.0","compression":"gzip","ledgersPerBatch":1,"batchesPerPartition":1}""", "compression \"gzip\"")]
    [InlineData("""{"networkPassphrase":"p","version":"1.0","compression":"zstd","ledgersPerBatch":0,"batchesPerPartition":1}""", "\"ledgersPerBatch\"")]
    [InlineData("""{"networkPassphrase":"p","version":"1.0","compression":"zstd","ledgersPerBatch":"1","batchesPerPartition":1}""", "\"ledgersPerBatch\"")]
    [InlineData("""{"networkPassphrase":"p","version":"2.0","compression":"zstd","ledgersPerBatch":1,"batchesPerPartition":1}""", "version \"2.0\"")]
    public void Parse_BadConfig_IsInvalidInputNamingTheRule(string json, string expected)
    {
        var error = Assert.Throws<BronzeException>(() => GalexieConfig.Parse(Encoding.UTF8.GetBytes(json), "lake"));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("lake", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pubnet", null, "Public Global Stellar Network ; September 2015", null)]
    [InlineData("testnet", "Test SDF Network ; September 2015", "Test SDF Network ; September 2015", null)]
    [InlineData("standalone", "Standalone Network ; February 2017", "Standalone Network ; February 2017", null)]
    [InlineData("standalone", null, "Standalone Network ; February 2017", "network_passphrase")]
    [InlineData("pubnet", null, "Test SDF Network ; September 2015", "network")]
    [InlineData("pubnet", "Test SDF Network ; September 2015", "Test SDF Network ; September 2015", "network_passphrase")]
    [InlineData("mynet", "A", "B", "network_passphrase")]
    public void NetworksCheck_PassphraseAgainstLake_FailsOnlyOnMismatch(string network, string? passphrase, string lake, string? failingField)
    {
        GalexieConfig config = TestLakes.Config(lake);

        var error = Record.Exception(() => GalexieNetworks.Check(network, passphrase, config, "lake"));

        if (failingField is null) Assert.Null(error);
        else Assert.Equal(failingField, Assert.IsType<BronzeException>(error).Field);
    }
}
