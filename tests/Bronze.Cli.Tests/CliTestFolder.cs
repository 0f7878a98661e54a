using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>A temp working folder for a CLI test, with the small copy arguments that keep runs fast.</summary>
internal sealed class CliTestFolder : IDisposable
{
    private readonly TempDirectory _folder = new();

    public string Path => _folder.Path;

    /// <summary>The dataset folder under the destination <c>out</c>.</summary>
    public string Dataset => System.IO.Path.Join(Path, "out", "pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    public string Out => System.IO.Path.Join(Path, "out");

    /// <summary>copy of ledgers 0 to end in partitions of size, small XDR.</summary>
    public static string[] Copy(long end = 39, long size = 10, params string[] more) =>
        ["copy", "--dest", "out", "--start", "0", "--end", end.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--partition-size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--xdr-mean-bytes", "1024", .. more];

    /// <summary>Copies partitions whose ranges have 1, 2 and 7 digits (0-9, 10-19, 1000000-1000009), for output-width tests.</summary>
    public async Task CopyRangesOfMixedWidthsAsync()
    {
        using BronzeProcess low = await BronzeProcess.RunAsync(Path, Copy(19));
        using BronzeProcess high = await BronzeProcess.RunAsync(
            Path, "copy", "--dest", "out", "--start", "1000000", "--end", "1000009", "--partition-size", "10", "--xdr-mean-bytes", "1024");
        Assert.True(low.ExitCode == 0 && high.ExitCode == 0, low + "\n" + high);
    }

    public string DataFile(long start, long end) => System.IO.Path.Join(Dataset, $"range={start}-{end}", $"part-{start}-{end}.parquet");

    public string Manifest(long start, long end) => System.IO.Path.Join(Dataset, $"range={start}-{end}", "_manifest.json");

    /// <summary>Rewrites the table entry of the manifest at <paramref name="manifestPath"/> with <paramref name="edit"/>.</summary>
    public static void Forge(string manifestPath, Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        edit(root["tables"]!["ledgers_lcm_raw"]!.AsObject());
        File.WriteAllText(manifestPath, root.ToJsonString());
    }

    public void Dispose() => _folder.Dispose();
}
