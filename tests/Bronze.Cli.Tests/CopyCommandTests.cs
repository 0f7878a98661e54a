using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

public sealed class CopyCommandTests
{
    [Fact]
    public async Task Copy_ThenVerifyThenLs_AllSucceedWithTheRows()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(more: "--json"));
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--json");
        using BronzeProcess ls = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out");

        Assert.True(copy.ExitCode == 0, copy.ToString());
        JsonObject summary = copy.JsonLines[^1];
        Assert.Equal(("summary", 4, 39L), ((string)summary["type"]!, (int)summary["written"]!, (long)summary["rows"]!));
        Assert.Equal(4, copy.JsonLines.Count(l => (string?)l["event"] == "written"));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True((bool)verify.JsonLines[^1]["valid"]!);
        Assert.True(ls.ExitCode == 0, ls.ToString());
        Assert.Contains("range=30-39", ls.Output, StringComparison.Ordinal);
        Assert.Contains("4 partitions, 39 rows", ls.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_SecondTime_SkipsEverythingAndChangesNoFile()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy());
        SortedDictionary<string, string> before = FileTree.Snapshot(folder.Out);

        using BronzeProcess second = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(more: "--json"));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal((0, 4), ((int)second.JsonLines[^1]["written"]!, (int)second.JsonLines[^1]["skipped"]!));
        Assert.Equal(before, FileTree.Snapshot(folder.Out));
        Assert.Equal(8, before.Keys.Count(k => k.EndsWith(".parquet", StringComparison.Ordinal) || k.EndsWith("_manifest.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DryRun_EmptyDestination_PrintsTheLayoutAndCreatesNothing()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess dryRun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, more: ["--dry-run", "--json"]));

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.False(Directory.Exists(folder.Out));
        string[] files = [.. dryRun.JsonLines.Where(l => (string?)l["type"] == "file").Select(l => (string)l["key"]!)];
        Assert.Equal(
            ["pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/part-0-9.parquet", "pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/_manifest.json",
             "pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/part-10-19.parquet", "pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/_manifest.json"],
            files);
        Assert.Contains(dryRun.JsonLines, l => (string?)l["type"] == "directory" && (string?)l["key"] == "pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19");
        Assert.Equal(["new", "new"], dryRun.JsonLines.Where(l => (string?)l["type"] == "partition").Select(l => (string)l["status"]!));
    }

    [Fact]
    public async Task DryRun_PartlyWrittenDataset_ReportsEachStatusAndChangesNothing()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        File.Delete(folder.Manifest(10, 19));
        SortedDictionary<string, string> before = FileTree.Snapshot(folder.Path);

        using BronzeProcess dryRun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(29, more: "--dry-run"));

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Matches(@"complete\s+range=0-9", dryRun.Output);
        Assert.Matches(@"incomplete\s+range=10-19", dryRun.Output);
        Assert.Matches(@"new\s+range=20-29", dryRun.Output);
        Assert.Contains("file pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/_manifest.json", dryRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("range=10-19/part-10-19.parquet", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(before, FileTree.Snapshot(folder.Path));
    }

    [Fact]
    public async Task Copy_AfterAManifestWasLost_HealsThePartition()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        File.Delete(folder.Manifest(10, 19));
        string dataBefore = FileTree.Stat(folder.DataFile(10, 19));

        using BronzeProcess second = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, more: "--json"));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, (int)second.JsonLines[^1]["healed"]!);
        Assert.Equal(dataBefore, FileTree.Stat(folder.DataFile(10, 19)));
        Assert.True(File.Exists(folder.Manifest(10, 19)));
    }

    [Fact]
    public async Task Copy_TempFilesLeftByKilledWriters_RemovesTheStaleOnesUnderItsDatasetOnly()
    {
        using var folder = new CliTestFolder();
        string stale = TempFile(folder.Dataset, "range=0-9", hoursOld: 2);
        string fresh = TempFile(folder.Dataset, "range=10-19", hoursOld: 0);
        string otherDataset = TempFile(System.IO.Path.Join(folder.Out, "testnet"), "x", hoursOld: 2);

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, more: "--json"));

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.Equal(1, (int)copy.JsonLines[^1]["stale_temp_files_removed"]!);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(otherDataset));
    }

    [Fact]
    public async Task Copy_KilledMidRunThenRunAgain_EndsCompleteAndVerified()
    {
        using var folder = new CliTestFolder();
        string[] args = ["copy", "--dest", "out", "--start", "0", "--end", "2999", "--partition-size", "100", "--xdr-mean-bytes", "16384", "--parallel", "1"];
        using KilledRun run = await KilledRun.RunAsync(folder, args, 2999);
        (int committed, BronzeProcess resumed, BronzeProcess verify) = (run.Committed, run.Resumed, run.Verify);

        Assert.InRange(committed, 1, 29);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(committed, (int)resumed.JsonLines[^1]["skipped"]!);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task Copy_TwoProcessesOnOneRange_WriteEachPartitionExactlyOnce()
    {
        using var folder = new CliTestFolder();
        string[] args = CliTestFolder.Copy(199, 10, "--json", "--parallel", "2");

        using BronzeProcess first = BronzeProcess.Start(folder.Path, null, args);
        using BronzeProcess second = BronzeProcess.Start(folder.Path, null, args);
        await Task.WhenAll(first.WaitAsync(), second.WaitAsync());
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--start", "0", "--end", "199", "--partition-size", "10");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        List<long> written = [.. first.JsonLines.Concat(second.JsonLines).Where(l => (string?)l["event"] == "written").Select(l => (long)l["start"]!)];
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 10L), written.Order());
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static string TempFile(string parent, string folder, int hoursOld)
    {
        string path = System.IO.Path.Join(parent, folder, LocalStore.TempFilePrefix + "left-by-a-killed-writer");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-hoursOld));
        return path;
    }
}
