using Bronze.Cli.Output;
using Bronze.Layout;
using Bronze.Testing;
using Bronze.Verification;

namespace Bronze.Cli.Tests;

/// <summary>What a user watching a long human verify sees on standard error before the table comes.</summary>
public sealed class VerifyProgressTests
{
    [Fact]
    public async Task Verify_ErrorIsATerminal_RedrawsCountsAfterEachPartitionAndClearsThemBeforeTheTable()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exit = await CliApp.RunAsync(
            ["verify", "--dest", folder.Out, "--parallel", "1"], _ => null, output, error, true, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Matches(
            @"^\rverified 1 partitions, 0 failed, [0-9.]+ KiB, [0-9.]+ s\u001b\[K\rverified 2 partitions, 0 failed, [0-9.]+ KiB, [0-9.]+ s\u001b\[K\r\u001b\[K$",
            error.ToString());
        Assert.Contains("\nstatus  partition    rows", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ErrorIsNotATerminal_WritesALineOncePerInterval()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var failed = new VerificationIssue(VerificationIssueKind.MissingDataFile, "k", "gone");
        using (var progress = new VerifyProgressReporter(new CliConsole(output, error, json: false, errorIsTerminal: false), TimeSpan.FromHours(1)))
        {
            progress.Report(new PartitionVerification(Partition(0, 9), 9, 2048, []));
            progress.Report(new PartitionVerification(Partition(10, 19), null, null, [failed]));
        }

        Assert.Matches(@"^progress: verified 1 partitions, 0 failed, 2\.0 KiB, [0-9.]+ s\n$", error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    private static PartitionRef Partition(long start, long end) => new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw", start, end);
}
