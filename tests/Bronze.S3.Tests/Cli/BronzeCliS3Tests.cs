using Bronze.S3.Tests.Support;
using Bronze.Testing;

namespace Bronze.S3.Tests.Cli;

/// <summary>`bronze copy --dest s3://...` and `bronze verify` end to end against Ceph RGW, as a user runs them.</summary>
public sealed class BronzeCliS3Tests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 300_000)]
    public async Task CopyThenVerify_RgwDestination_WritesEveryPartitionOnceAndVerifies()
    {
        S3Server server = S3Server.Rgw();
        string bucket = await server.CreateBucketAsync(Token);
        string dest = $"s3://{bucket}/lake?endpoint={server.Endpoint.ToString().TrimEnd('/')}&region=us-east-1";
        string[] range = ["--start", "0", "--end", "299", "--partition-size", "100"];

        (int copyExit, string copyOutput) = await RunAsync(server, ["copy", "--dest", dest, .. range, "--xdr-mean-bytes", "16384"]);
        (int againExit, string againOutput) = await RunAsync(server, ["copy", "--dest", dest, .. range, "--xdr-mean-bytes", "16384"]);
        (int verifyExit, string verifyOutput) = await RunAsync(server, ["verify", "--dest", dest, .. range]);

        Assert.True(copyExit == 0, copyOutput);
        Assert.Contains("3 written", copyOutput, StringComparison.Ordinal);
        Assert.True(againExit == 0, againOutput);
        Assert.Contains("3 skipped", againOutput, StringComparison.Ordinal);
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("Verified. 3 partitions, 0 failed", verifyOutput, StringComparison.Ordinal);
        using var store = new S3Store(server.Options(bucket, prefix: "lake"));
        List<string> keys = [.. (await store.ListAsync("", Token).ToListAsync(Token)).Select(o => o.Key)];
        Assert.Equal(6, keys.Count);
        Assert.Contains("pubnet/pre_p23/v1/ledgers_lcm_raw/range=100-199/part-100-199.parquet", keys);
    }

    [Fact(Timeout = 300_000)]
    public async Task Inspect_RgwObject_ReadsTheFooterOrSaysWhyNot()
    {
        S3Server server = S3Server.Rgw();
        string bucket = await server.CreateBucketAsync(Token);
        await InspectScenario.RunAsync($"s3://{bucket}/lake", $"?endpoint={server.Endpoint.ToString().TrimEnd('/')}&region=us-east-1", args => RunAsync(server, args));
    }

    /// <summary>Runs the CLI with the RGW keys in its environment; exit code and all output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(S3Server server, string[] args)
    {
        Amazon.Runtime.ImmutableCredentials keys = server.Credentials.GetCredentials();
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = keys.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = keys.SecretKey };
        using BronzeProcess process = await BronzeProcess.RunAsync(AppContext.BaseDirectory, environment, args);
        return (process.ExitCode, process.Output + process.Error);
    }
}
