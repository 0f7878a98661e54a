using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

public sealed class CopyJsonBytesTests
{
    [Fact]
    public async Task Copy_Json_PartitionBytesAreTheDataFilesAndSourceBytesTheXdr()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19, more: "--json"));

        Assert.True(copy.ExitCode == 0, copy.ToString());
        JsonObject[] written = [.. copy.JsonLines.Where(l => (string?)l["event"] == "written")];
        Assert.Equal(2, written.Length);
        Assert.All(written, line => Assert.Equal(
            new FileInfo(folder.DataFile((long)line["start"]!, (long)line["end"]!)).Length, (long)line["bytes"]!));
        JsonObject summary = copy.JsonLines[^1];
        Assert.Equal(written.Sum(l => (long)l["bytes"]!), (long)summary["bytes"]!);

        // 19 synthetic ledgers of about 1 KiB of XDR each (--xdr-mean-bytes 1024): the source's bytes, not the files'.
        long sourceBytes = (long)summary["source_bytes"]!;
        Assert.InRange(sourceBytes, 19 * 256, 19 * 4096);
        Assert.NotEqual(sourceBytes, (long)summary["bytes"]!);
    }
}
