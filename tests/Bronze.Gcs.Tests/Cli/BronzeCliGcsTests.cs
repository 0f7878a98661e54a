using Bronze.Gcs.Tests.Emulator;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Cli;

/// <summary>`bronze copy --dest gs://...`, `bronze verify` and `bronze ls` end to end against the emulator, as a user runs them.</summary>
public sealed class BronzeCliGcsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 300_000)]
    public async Task CopyThenVerify_EmulatorDestination_WritesEveryPartitionOnceAndVerifies()
    {
        Uri endpoint = GcsEmulator.Endpoint();
        string bucket = "cli-" + Guid.NewGuid().ToString("N")[..20];
        string dest = $"gs://{bucket}/lake";
        string[] range = ["--start", "0", "--end", "299", "--partition-size", "100"];

        (int copyExit, string copyOutput) = await RunAsync(endpoint, ["copy", "--dest", dest, .. range, "--xdr-mean-bytes", "16384"]);
        (int againExit, string againOutput) = await RunAsync(endpoint, ["copy", "--dest", dest, .. range, "--xdr-mean-bytes", "16384"]);
        (int verifyExit, string verifyOutput) = await RunAsync(endpoint, ["verify", "--dest", dest, .. range]);
        (int lsExit, string lsOutput) = await RunAsync(endpoint, ["ls", "--dest", dest]);

        Assert.True(copyExit == 0, copyOutput);
        Assert.Contains("3 written", copyOutput, StringComparison.Ordinal);
        Assert.True(againExit == 0, againOutput);
        Assert.Contains("3 skipped", againOutput, StringComparison.Ordinal);
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("Verified. 3 partitions, 0 failed", verifyOutput, StringComparison.Ordinal);
        Assert.True(lsExit == 0, lsOutput);
        Assert.Contains("3 partitions, 299 rows", lsOutput, StringComparison.Ordinal);
        using var store = new GcsStore(new GcsStoreOptions { Bucket = bucket, Prefix = "lake", Endpoint = endpoint, Anonymous = true });
        List<string> keys = [.. (await store.ListAsync("", Token).ToListAsync(Token)).Select(o => o.Key)];
        Assert.Equal(6, keys.Count);
        Assert.Contains("pubnet/pre_p23/v1/ledgers_lcm_raw/range=200-299/_manifest.json", keys);
    }

    [Fact(Timeout = 300_000)]
    public async Task DryRun_EmulatorDestination_WritesNothing()
    {
        Uri endpoint = GcsEmulator.Endpoint();
        string bucket = "cli-" + Guid.NewGuid().ToString("N")[..20];

        (int exit, string output) = await RunAsync(endpoint, ["copy", "--dest", $"gs://{bucket}/lake", "--start", "0", "--end", "199", "--partition-size", "100", "--dry-run"]);

        Assert.True(exit == 0, output);
        Assert.Contains("range=100-199/part-100-199.parquet", output, StringComparison.Ordinal);
        using var store = new GcsStore(new GcsStoreOptions { Bucket = bucket, Endpoint = endpoint, Anonymous = true });
        Assert.Empty(await store.ListAsync("", Token).ToListAsync(Token));
    }

    [Fact(Timeout = 300_000)]
    public async Task Inspect_EmulatorObject_ReadsTheFooterOrSaysWhyNot()
    {
        Uri endpoint = GcsEmulator.Endpoint();
        await InspectScenario.RunAsync($"gs://cli-{Guid.NewGuid().ToString("N")[..20]}/lake", "", args => RunAsync(endpoint, args));
    }

    /// <summary>Runs the CLI against the emulator (STORAGE_EMULATOR_HOST); exit code and all output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(Uri endpoint, string[] args)
    {
        var environment = new Dictionary<string, string> { ["STORAGE_EMULATOR_HOST"] = endpoint.GetLeftPart(UriPartial.Authority) };
        using BronzeProcess process = await BronzeProcess.RunAsync(AppContext.BaseDirectory, environment, args);
        return (process.ExitCode, process.Output + process.Error);
    }
}
