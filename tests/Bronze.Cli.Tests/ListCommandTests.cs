using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary><c>bronze ls</c>'s human output: one table whose columns line up whatever the widths of its values.</summary>
public sealed class ListCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ls_ValuesOfMixedWidths_PrintsColumnsAlignedExactly()
    {
        // Arrange: ranges of 1 to 7 digits; sizes of 3 to 7 characters; one partition incomplete, one in conflict.
        using var folder = new CliTestFolder();
        await folder.CopyRangesOfMixedWidthsAsync();
        Resize(folder.DataFile(0, 9), 900, folder.Manifest(0, 9));
        Resize(folder.DataFile(10, 19), 3 << 20, manifest: null);
        File.Delete(folder.Manifest(10, 19));
        Resize(folder.DataFile(1000000, 1000009), 12_345, folder.Manifest(1000000, 1000009));
        CliTestFolder.Forge(folder.Manifest(1000000, 1000009), entry => entry["byte_size"] = 12_000);

        // Act
        using BronzeProcess ls = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out");
        using BronzeProcess json = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out", "--json");

        // Assert: a conflict listed is exit 3, in both outputs.
        Assert.True(ls.ExitCode == 3, ls.ToString());
        Assert.True(json.ExitCode == 3, json.ToString());
        Assert.Equal((3, 1), ((int)json.JsonLines[^1]["exit_code"]!, (int)json.JsonLines[^1]["conflicts"]!));
        Assert.Equal(
            $"""
            file://{folder.Out} pubnet/pre_p23/v1/ledgers_lcm_raw/
            partition              status      rows     bytes  reason
            range=0-9              complete       9     900 B
            range=10-19            incomplete     -   3.0 MiB
            range=1000000-1000009  conflict      10  12.1 KiB  the data file has 12345 bytes, the manifest says 12000
            3 partitions, 19 rows, 3.0 MiB; 1 conflicts.

            """,
            ls.Output);
    }

    [Fact]
    public async Task Ls_IncompleteButNoConflict_Exits0()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        File.Delete(folder.Manifest(10, 19));

        using BronzeProcess ls = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out", "--json");

        // An incomplete partition is what the next copy heals, not a conflict.
        Assert.True(ls.ExitCode == 0, ls.ToString());
        Assert.Equal("incomplete", (string?)ls.JsonLines[1]["status"]);
        Assert.Equal((0, 0), ((int)ls.JsonLines[^1]["exit_code"]!, (int)ls.JsonLines[^1]["conflicts"]!));
    }

    private static void Resize(string dataFile, long size, string? manifest)
    {
        using (var file = new FileStream(dataFile, FileMode.Open, FileAccess.Write)) file.SetLength(size);
        if (manifest is not null) CliTestFolder.Forge(manifest, entry => entry["byte_size"] = size);
    }
}
