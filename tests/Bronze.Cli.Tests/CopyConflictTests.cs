using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>
/// Reruns that must not call what exists complete, and dry-runs that must predict what the copy will do: another
/// partition size, another codec, a partition folder that is a file, a destination that is a file.
/// </summary>
public sealed class CopyConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_AnotherPartitionSizeOverExistingPartitions_Exits3AndWritesNothing()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(39, 10));
        SortedDictionary<string, string> before = FileTree.Snapshot(folder.Out);

        using BronzeProcess dryRun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(39, 20, "--dry-run"));
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(39, 20, "--json"));

        Assert.True(dryRun.ExitCode == 3, dryRun.ToString());
        Assert.Contains("conflict   range=0-19: partition 0-9 already exists and overlaps this one", dryRun.Output, StringComparison.Ordinal);
        Assert.True(copy.ExitCode == 3, copy.ToString());
        Assert.Equal((0, 2), ((int)copy.JsonLines[^1]["written"]!, (int)copy.JsonLines[^1]["conflicts"]!));
        Assert.Equal(before, FileTree.Snapshot(folder.Out));
    }

    [Fact]
    public async Task Copy_RerunWithAnotherCodec_Exits3InsteadOfSkipping()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));

        using BronzeProcess rerun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, 10, "--codec", "snappy"));

        Assert.True(rerun.ExitCode == 3, rerun.ToString());
        Assert.Contains("the partition was written with codec zstd, this run uses snappy", rerun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunAndCopy_PartitionFolderIsAFile_BothSayConflict()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess first = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(9));
        await File.WriteAllBytesAsync(Path.Join(folder.Dataset, "range=10-19"), [1], Ct);

        using BronzeProcess dryRun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, 10, "--dry-run"));
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));

        Assert.True(dryRun.ExitCode == 3, dryRun.ToString());
        Assert.Contains("conflict   range=10-19: range=10-19 is a file, not a partition folder", dryRun.Output, StringComparison.Ordinal);
        Assert.True(copy.ExitCode == 3, copy.ToString());
    }

    [Fact]
    public async Task DryRunAndCopy_DestinationIsAFile_BothExit2()
    {
        using var folder = new CliTestFolder();
        await File.WriteAllBytesAsync(folder.Out, [1], Ct);

        using BronzeProcess dryRun = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(9, 10, "--dry-run"));
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(9));

        Assert.True((dryRun.ExitCode, copy.ExitCode) == (2, 2), dryRun + "\n" + copy);
        Assert.Contains("is a file, not a folder", copy.Error, StringComparison.Ordinal);
    }
}
