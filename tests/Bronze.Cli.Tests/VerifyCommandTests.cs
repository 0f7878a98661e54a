using Bronze.Testing;
namespace Bronze.Cli.Tests;

public sealed class VerifyCommandTests
{
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
