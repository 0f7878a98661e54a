using Bronze.Testing;

namespace Bronze.Cli.Tests;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_RangesOfMixedWidths_PrintsColumnsAlignedExactly()
    {
        // Arrange: ranges of 1, 2 and 7 digits; one data file gone, so one partition fails with its issue under it.
        using var folder = new CliTestFolder();
        await folder.CopyRangesOfMixedWidthsAsync();
        File.Delete(folder.DataFile(10, 19));

        // Act
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        // Assert: every line but the summary's, whose elapsed time varies (the writer's output, so the sizes, is deterministic).
        Assert.True(verify.ExitCode == 3, verify.ToString());
        string[] lines = verify.Output.Split('\n');
        Assert.Equal(
            $"""
            Verifying every partition of file://{folder.Out} pubnet/pre_p23/v1/ledgers_lcm_raw/
            status  partition              rows    bytes
            ok      range=0-9                 9  7.7 KiB
            FAILED  range=10-19               -        -
              missing_data_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=10-19/part-10-19.parquet: The manifest exists but the data file part-10-19.parquet does not.
            ok      range=1000000-1000009    10  9.1 KiB
            """,
            string.Join('\n', lines[..^2]));
        Assert.Matches(@"^Verification FAILED\. 3 partitions, 1 failed, 1 issues; 19 rows, [0-9.]+ KiB in [0-9.]+ s\.$", lines[^2]);
    }

    [Fact]
    public async Task Verify_FlippedByteInADataFile_Exits3NamingThePartition()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy());
        FlipByte(folder.DataFile(20, 29), 100);

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Matches(@"FAILED\s+range=20-29", verify.Output);
        Assert.Contains("checksum_mismatch", verify.Output, StringComparison.Ordinal);
        Assert.Matches(@"ok\s+range=10-19", verify.Output);
    }

    [Fact]
    public async Task Verify_FlippedByteInAManifest_Exits3NamingThePartition()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy());
        string manifest = folder.Manifest(10, 19);
        int at = File.ReadAllText(manifest).IndexOf("\"checksum\": \"sha256:", StringComparison.Ordinal) + 22;
        FlipByte(manifest, at, 0x01);

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--json");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        var failed = Assert.Single(verify.JsonLines, l => (string?)l["type"] == "partition" && (string?)l["status"] == "failed");
        Assert.Equal((10L, 19L), ((long)failed["start"]!, (long)failed["end"]!));
        Assert.False((bool)verify.JsonLines[^1]["valid"]!);
    }

    [Fact]
    public async Task Verify_MissingPartitionAndStrayFile_ReportsBoth()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        await File.WriteAllTextAsync(Path.Join(folder.Dataset, "range=0-9", "notes.txt"), "hello", TestContext.Current.CancellationToken);

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--start", "0", "--end", "29", "--partition-size", "10");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Contains("missing_partition", verify.Output, StringComparison.Ordinal);
        Assert.Contains("unexpected_file pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-9/notes.txt", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NothingThere_Exits3()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");

        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Contains("No partitions found", verify.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out));
    }

    private static void FlipByte(string path, int offset, byte mask = 0xFF)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        int value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(value ^ mask));
    }
}
