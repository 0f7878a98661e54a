using System.Text.Json.Nodes;
using Bronze.Galexie;
using Bronze.LakeWriter;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.Cli.Tests;

/// <summary><c>bronze copy --source LAKE</c> and <c>bronze lake</c> on lakes built from real ledgers on local disk.</summary>
public sealed class LakeCopyTests
{
    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [];

    private static string Dataset(CliTestFolder folder, string network, string era) => Path.Join(folder.Out, network, era, "v1", "ledgers_lcm_raw");

    [Theory]
    [InlineData("testnet")]
    [InlineData("v25")]
    public async Task Copy_RealLake_RowsReadByDuckDbEqualWhatStellarBaseDecodes(string lakeName)
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        bool testnet = lakeName == "testnet";
        IReadOnlyList<LedgerXdr> ledgers = testnet ? RealLedgers.Testnet() : RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        GalexieConfig config = TestLakes.Config(testnet ? RealLedgers.TestnetPassphrase : RealLedgers.StandalonePassphrase, testnet ? 1u : 2u, testnet ? 64_000u : 4u);
        await TestLakes.WriteAsync(Path.Join(folder.Path, "lake"), config, ledgers);
        string[] args = testnet
            ? ["copy", "--source", "lake", "--network", "testnet", "--dest", "out", "--start", "997", "--end", "999", "--partition-size", "1"]
            : LakeCopies.StandaloneArgs("lake", "out", 10_048, 10_077, 2);
        IReadOnlyList<JsonObject> expected = await StellarBase.DescribeAsync(ledgers.Select(l => l.Xdr), TestContext.Current.CancellationToken);

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, args);

        Assert.True(copy.ExitCode == 0, copy.ToString());
        string files = DuckDb.Literal(Path.Join(folder.Out, "*", "*", "v1", "ledgers_lcm_raw", "range=*", "*.parquet"));
        IReadOnlyList<JsonObject> rows = await DuckDb.QueryAsync(
            $"""
            select ledger_sequence, ledger_hash, previous_ledger_hash, epoch(close_time)::bigint as close_time, protocol_version,
                   total_coins, fee_pool, tx_set_hash, tx_count, operation_count, xdr_byte_length, xdr_sha256, sha256(xdr_bytes) as recomputed
            from read_parquet({files}) order by ledger_sequence
            """, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Count, rows.Count);
        string[] columns =
        [
            "ledger_sequence", "ledger_hash", "previous_ledger_hash", "close_time", "protocol_version", "total_coins", "fee_pool",
            "tx_set_hash", "tx_count", "operation_count", "xdr_byte_length", "xdr_sha256",
        ];
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (string column in columns) Assert.Equal(expected[i][column]!.ToString(), rows[i][column]!.ToString());
            Assert.Equal(rows[i]["xdr_sha256"]!.ToString(), rows[i]["recomputed"]!.ToString());
        }
    }

    [Theory]
    [InlineData("none", "--source", "is not a galexie lake: it has no .config.json")]
    [InlineData("malformed", "--source", "not valid JSON")]
    [InlineData("gzip", "--source", "compression \"gzip\"")]
    [InlineData("pubnet", "--network", "holds network \"Test SDF Network ; September 2015\"")]
    [InlineData("unknown", "--network-passphrase", "be given for network \"mynet\"")]
    [InlineData("wrong-passphrase", "--network-passphrase", "holds network")]
    public async Task Copy_LakeConfigProblem_Exits2AndWritesNothing(string problem, string field, string expected)
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.WriteAsync(lake, TestLakes.Config(RealLedgers.TestnetPassphrase), RealLedgers.Testnet());
        string config = Path.Join(lake, GalexieConfig.Key);
        string network = "testnet";
        var args = new List<string>();
        switch (problem)
        {
            case "none": File.Delete(config); break;
            case "malformed": File.WriteAllText(config, "{\"networkPassphrase\":"); break;
            case "gzip": File.WriteAllBytes(config, (TestLakes.Config(RealLedgers.TestnetPassphrase) with { Compression = "gzip" }).ToJson()); break;
            case "pubnet": network = "pubnet"; break;
            case "unknown": network = "mynet"; break;
            case "wrong-passphrase": network = "mynet"; args.AddRange(["--network-passphrase", "Some Other Network"]); break;
        }

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path,
            ["copy", "--source", "lake", "--network", network, "--dest", "out", "--start", "997", "--end", "999", "--partition-size", "1", "--json", .. args]);

        Assert.True(copy.ExitCode == 2, copy.ToString());
        JsonObject error = Assert.Single(copy.JsonLines);
        Assert.Equal(field, error["field"]!.ToString());
        Assert.Contains(expected, error["message"]!.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out), "nothing may be written, not even the destination folder");
    }

    [Fact]
    public async Task Copy_LedgerMissingFromLake_Exits1NamingItAndPublishesOnlyTheWholePartitions()
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        await TestLakes.WriteAsync(Path.Join(folder.Path, "lake"), TestLakes.Config(RealLedgers.TestnetPassphrase), RealLedgers.Testnet().Where(l => l.Sequence != 998));

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path,
            "copy", "--source", "lake", "--network", "testnet", "--dest", "out", "--start", "997", "--end", "999", "--partition-size", "1", "--json");

        Assert.True(copy.ExitCode == 1, copy.ToString());
        JsonObject failed = Assert.Single(copy.JsonLines, l => l["event"]?.ToString() == "failed");
        Assert.Equal("998", failed["start"]!.ToString());
        Assert.Contains("ledger 998 is missing: there is no batch file 'FFFFFFFF--0-63999/FFFFFC19--998.xdr.zst'", failed["message"]!.ToString(), StringComparison.Ordinal);
        string dataset = Dataset(folder, "testnet", "pre_p23");
        Assert.Empty(FilesUnder(Path.Join(dataset, "range=998-998")));
        Assert.True(File.Exists(Path.Join(dataset, "range=999-999", "_manifest.json"))); // the lake lacks 998, so 999's chain is not checked across
    }

    [Fact]
    public async Task Copy_CorruptBatch_Exits1AndPublishesNothingForItsPartition()
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.WriteAsync(lake, TestLakes.Config(RealLedgers.TestnetPassphrase, 1, 1), RealLedgers.Testnet());
        string bad = Path.Join(lake, "FFFFFC19--998.xdr.zst");
        byte[] bytes = File.ReadAllBytes(bad);
        File.Delete(bad);
        File.WriteAllBytes(bad, bytes[..^8]);

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path,
            "copy", "--source", "lake", "--network", "testnet", "--dest", "out", "--start", "997", "--end", "999", "--partition-size", "1", "--json");

        Assert.True(copy.ExitCode == 1, copy.ToString());
        // 999 fails too: its chain check reads 998, and a corrupt batch is never passed over.
        List<JsonObject> failed = [.. copy.JsonLines.Where(l => l["event"]?.ToString() == "failed")];
        Assert.Equal(["998", "999"], failed.Select(l => l["start"]!.ToString()).Order());
        Assert.All(failed, l => Assert.Contains("ledger 998 in batch 'FFFFFC19--998.xdr.zst' is corrupt", l["message"]!.ToString(), StringComparison.Ordinal));
        string dataset = Dataset(folder, "testnet", "pre_p23");
        Assert.True(File.Exists(Path.Join(dataset, "range=997-997", "_manifest.json")));
        Assert.Empty(FilesUnder(Path.Join(dataset, "range=998-998")));
    }

    [Fact]
    public async Task Copy_EndLatest_CopiesOnlyWholePartitionsThenNothingUntilTheLakeGrows()
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        string lake = Path.Join(folder.Path, "lake");
        IReadOnlyList<LedgerXdr> ledgers = RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd");
        GalexieConfig config = TestLakes.Config(RealLedgers.StandalonePassphrase, 1, 1);
        await TestLakes.WriteAsync(lake, config, ledgers.Where(l => l.Sequence <= 10_055));
        string[] args =
        [
            "copy", "--source", "lake", "--network", "standalone", "--network-passphrase", RealLedgers.StandalonePassphrase,
            "--era", "p23_plus", "--dest", "out", "--start", "10048", "--end", "latest", "--partition-size", "4", "--json",
        ];

        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, args);
        using BronzeProcess idle = await BronzeProcess.RunAsync(folder.Path, args);
        await TestLakes.WriteAsync(lake, config, ledgers.Where(l => l.Sequence is > 10_055 and <= 10_061));
        using BronzeProcess grown = await BronzeProcess.RunAsync(folder.Path, args);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("2", first.JsonLines[^1]["written"]!.ToString()); // 10048-10051, 10052-10055
        Assert.True(idle.ExitCode == 0, idle.ToString());
        Assert.Equal("2", idle.JsonLines[^1]["skipped"]!.ToString());
        Assert.True(grown.ExitCode == 0, grown.ToString());
        Assert.Equal(("1", "2"), (grown.JsonLines[^1]["written"]!.ToString(), grown.JsonLines[^1]["skipped"]!.ToString())); // 10056-10059; 10060-10061 is not whole
        Assert.False(Directory.Exists(Path.Join(Dataset(folder, "standalone", "p23_plus"), "range=10060-10063")));
    }

    [Fact]
    public async Task Copy_EndLatestBeforeAnyWholePartition_Exits0WritingNothing()
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        await TestLakes.WriteAsync(Path.Join(folder.Path, "lake"), TestLakes.Config(RealLedgers.TestnetPassphrase), RealLedgers.Testnet());

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path,
            "copy", "--source", "lake", "--network", "testnet", "--dest", "out", "--start", "0", "--end", "latest", "--partition-size", "10000");

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.Contains("Nothing to copy: the lake holds ledgers up to 999", copy.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out));
    }

    [Fact]
    public async Task Lake_RealTestnetLake_ShowsConfigAndLedgerSpan()
    {
        RealLedgers.Require();
        using var folder = new CliTestFolder();
        await TestLakes.WriteAsync(Path.Join(folder.Path, "lake"), TestLakes.Config(RealLedgers.TestnetPassphrase), RealLedgers.Testnet());

        using BronzeProcess lake = await BronzeProcess.RunAsync(folder.Path, "lake", "--source", "lake", "--json");

        Assert.True(lake.ExitCode == 0, lake.ToString());
        JsonObject line = lake.JsonLines[0];
        Assert.Equal(("testnet", "997", "999"), (line["network"]!.ToString(), line["oldest_ledger"]!.ToString(), line["newest_ledger"]!.ToString()));
        Assert.Equal(("1", "64000"), (line["ledgers_per_batch"]!.ToString(), line["batches_per_partition"]!.ToString()));
    }
}
