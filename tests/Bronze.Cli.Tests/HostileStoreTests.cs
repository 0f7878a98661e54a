using System.Diagnostics;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>
/// What a hostile user can put in a local dataset: links out of it, FIFOs, odd names, an oversized manifest. No
/// command follows, blocks on or trusts any of it; verify reports each.
/// </summary>
public sealed class HostileStoreTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_PartitionFolderLinkedElsewhere_Exits3WritesNothingThereAndVerifyReportsTheLink()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(29));
        string partition = Path.Join(folder.Dataset, "range=20-29");
        string elsewhere = Path.Join(folder.Path, "elsewhere");
        Directory.Delete(partition, recursive: true);
        Directory.CreateDirectory(elsewhere);
        Directory.CreateSymbolicLink(partition, elsewhere);

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(29));
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        Assert.True(copy.ExitCode == 3, copy.ToString());
        Assert.Contains("symbolic link", copy.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Contains("not_a_regular_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=20-29:", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DataFileLinkedToAFileElsewhere_Exits3()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        string copyElsewhere = Path.Join(folder.Path, "part-10-19.parquet");
        File.Move(folder.DataFile(10, 19), copyElsewhere);
        File.CreateSymbolicLink(folder.DataFile(10, 19), copyElsewhere);

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Matches(@"FAILED\s+range=10-19", verify.Output);
        Assert.Contains("not_a_regular_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/part-10-19.parquet", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommand_ManifestIsAFifo_EndsWithoutBlocking()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        await ReplaceWithFifoAsync(folder.Manifest(0, 9));

        foreach ((string[] args, int exit) in new (string[], int)[]
                 {
                     (["verify", "--dest", "out"], 3), (["ls", "--dest", "out"], 3),
                     (CliTestFolder.Copy(19, more: "--dry-run"), 3), (CliTestFolder.Copy(19), 3),
                 })
        {
            using BronzeProcess run = await BronzeProcess.RunWithinAsync(Patience, folder.Path, args);
            Assert.True(run.ExitCode == exit, string.Join(' ', args) + ": " + run);
            Assert.Contains("FIFO", run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryCommand_DataFileIsAFifo_EndsWithoutBlockingAndInspectExits2()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        await ReplaceWithFifoAsync(folder.DataFile(0, 9));

        using BronzeProcess verify = await BronzeProcess.RunWithinAsync(Patience, folder.Path, "verify", "--dest", "out");
        using BronzeProcess ls = await BronzeProcess.RunWithinAsync(Patience, folder.Path, "ls", "--dest", "out");
        using BronzeProcess inspect = await BronzeProcess.RunWithinAsync(Patience, folder.Path, "inspect", folder.DataFile(0, 9), "--json");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Contains("not_a_regular_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/part-0-9.parquet", verify.Output, StringComparison.Ordinal);
        Assert.True(ls.ExitCode == 3, ls.ToString());
        Assert.Matches(@"range=0-9\s+conflict .*FIFO", ls.Output);
        Assert.True(inspect.ExitCode == 2, inspect.ToString());
        Assert.Equal(
            $"FILE must name a regular file; '{folder.DataFile(0, 9)}' is a FIFO, socket or device, never opened for reading (a FIFO would wait for a writer).",
            (string?)inspect.JsonLines.Single()["message"]);
        Assert.Equal("FILE", (string?)inspect.JsonLines.Single()["field"]);
    }

    [Fact]
    public async Task Verify_NamesOutsideTheKeyRules_ReportsEachOne()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(9));
        string partition = Path.Join(folder.Dataset, "range=0-9");
        string[] odd = ["evil file.parquet", "part-0-9.parquet~", "ünï.json", ".hidden", "sub dir/x"];
        Directory.CreateDirectory(Path.Join(partition, "sub dir"));
        foreach (string name in odd) await File.WriteAllBytesAsync(Path.Join(partition, name), [1], Ct);

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        foreach (string name in odd)
            Assert.Contains($"unexpected_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/{name}:", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAndCopy_HugeSparseManifest_FailThatPartitionWithoutReadingIt()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        using (var manifest = new FileStream(folder.Manifest(10, 19), FileMode.Open, FileAccess.Write))
            manifest.SetLength(2200L << 20);

        using BronzeProcess verify = await BronzeProcess.RunWithinAsync(Patience, folder.Path, "verify", "--dest", "out", "--json");
        using BronzeProcess copy = await BronzeProcess.RunWithinAsync(Patience, folder.Path, CliTestFolder.Copy(19, more: "--json"));

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Contains("larger than 65536 bytes", verify.Output, StringComparison.Ordinal);
        Assert.Equal("summary", (string?)verify.JsonLines[^1]["type"]);
        Assert.True(copy.ExitCode == 3, copy.ToString());
        Assert.Equal((1, 1), ((int)copy.JsonLines[^1]["skipped"]!, (int)copy.JsonLines[^1]["conflicts"]!));
    }

    [Fact]
    public async Task Verify_DanglingLinkAsDataFile_FailsThatPartitionAndVerifiesTheOthers()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        File.Delete(folder.DataFile(0, 9));
        File.CreateSymbolicLink(folder.DataFile(0, 9), Path.Join(folder.Path, "gone"));

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");
        using BronzeProcess ls = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Matches(@"ok\s+range=10-19", verify.Output);
        Assert.Matches(@"FAILED\s+range=0-9", verify.Output);
        Assert.True(ls.ExitCode == 3, ls.ToString());
        Assert.Matches(@"range=0-9\s+conflict", ls.Output);
    }

    private static async Task ReplaceWithFifoAsync(string path)
    {
        File.Delete(path);
        using Process mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync(Ct);
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
