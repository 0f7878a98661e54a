using Bronze.Galexie;
using Bronze.LakeWriter;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.Cli.Tests;

/// <summary>
/// A synthetic lake of thousands of valid ledgers (the synthetic source's XDR in the galexie layout): a copy killed
/// mid-run resumes, two copies at once write each partition once, and the rows equal a copy from the synthetic source.
/// </summary>
public sealed class LakeResumeTests
{
    private const long End = 3_999;

    private static readonly DatasetRef Pubnet = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    private static string[] CopyArgs(params string[] more) => CopyArgs(0, End, more);

    private static string[] CopyArgs(long start, long end, params string[] more) =>
        ["copy", "--source", "lake", "--dest", "out", "--start", start.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--end", end.ToString(System.Globalization.CultureInfo.InvariantCulture), "--partition-size", "100", .. more];

    private static Task<int> WriteLakeAsync(CliTestFolder folder) => SyntheticLake.WriteAsync(
        Path.Join(folder.Path, "lake"), TestLakes.Config(GalexieNetworks.Passphrases["pubnet"], ledgersPerBatch: 8, batchesPerPartition: 16),
        Pubnet, GalexieLake.FirstLedger, End, new SyntheticLedgerOptions { MeanXdrBytes = 4096 }, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Copy_SyntheticLake_WritesTheBytesOfACopyFromTheSyntheticSource()
    {
        using var folder = new CliTestFolder();
        await WriteLakeAsync(folder);

        using BronzeProcess lake = await BronzeProcess.RunAsync(folder.Path, CopyArgs(100, 599));
        using BronzeProcess synthetic = await BronzeProcess.RunAsync(folder.Path,
            "copy", "--dest", "direct", "--start", "100", "--end", "599", "--partition-size", "100", "--xdr-mean-bytes", "4096");

        Assert.True(lake.ExitCode == 0, lake.ToString());
        Assert.True(synthetic.ExitCode == 0, synthetic.ToString());
        SortedDictionary<string, string> fromLake = LakeCopies.ParquetDigests(folder.Out);
        Assert.Equal(5, fromLake.Count);
        Assert.Equal(LakeCopies.ParquetDigests(Path.Join(folder.Path, "direct")), fromLake);
    }

    [Fact]
    public async Task Copy_FromLakeKilledMidRunThenRunAgain_EndsCompleteAndVerified()
    {
        using var folder = new CliTestFolder();
        await WriteLakeAsync(folder);
        string[] args = CopyArgs("--parallel", "1");
        using KilledRun run = await KilledRun.RunAsync(folder, args, 3999);
        (int committed, BronzeProcess resumed, BronzeProcess verify) = (run.Committed, run.Resumed, run.Verify);

        Assert.InRange(committed, 1, 39);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(committed, (int)resumed.JsonLines[^1]["skipped"]!);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task Copy_TwoProcessesFromOneLake_WriteEachPartitionExactlyOnce()
    {
        using var folder = new CliTestFolder();
        await WriteLakeAsync(folder);
        string[] args = CopyArgs("--json", "--parallel", "2");

        using BronzeProcess first = BronzeProcess.Start(folder.Path, null, args);
        using BronzeProcess second = BronzeProcess.Start(folder.Path, null, args);
        await Task.WhenAll(first.WaitAsync(), second.WaitAsync());
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--start", "0", "--end", "3999", "--partition-size", "100");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        List<long> written = [.. first.JsonLines.Concat(second.JsonLines).Where(l => (string?)l["event"] == "written").Select(l => (long)l["start"]!)];
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 100L), written.Order());
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
