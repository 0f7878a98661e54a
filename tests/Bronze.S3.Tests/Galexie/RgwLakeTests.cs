using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3.Tests.Support;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.S3.Tests.Galexie;

/// <summary>
/// <c>bronze copy --source s3://...</c> through a proxy that loses responses (RGW only); the scenario every store runs
/// (<see cref="Cli.RgwCliScenarioTests"/>) covers lakes on RGW otherwise.
/// </summary>
public sealed class RgwLakeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 300_000)]
    public async Task Copy_LakeOnRgwFirstResponseLost_RetriesAndSucceeds()
    {
        RealLedgers.Require();
        S3Server server = S3Server.Rgw();
        using var folder = new TempDirectory();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.StandaloneV25Async(lake, 1, 1);
        string bucket = await UploadAsync(server, lake, "lake");
        await using var proxy = new FaultProxy(server.Endpoint, Fault.LoseFirstResponse);
        string url = $"s3://{bucket}/lake?endpoint={proxy.Endpoint.ToString().TrimEnd('/')}&region=us-east-1";

        (int exit, string output) = await RunAsync(server, folder.Path, LakeCopies.StandaloneArgs(url, "out", 10_050, 10_059));

        Assert.True(exit == 0, output);
        Assert.True(proxy.FaultsInjected > 0, "the proxy must have lost a response");
        Assert.Single(LakeCopies.ParquetDigests(Path.Join(folder.Path, "out")));
    }

    /// <summary>Uploads a local lake, .config.json included, under <paramref name="prefix"/> of a new bucket.</summary>
    private static async Task<string> UploadAsync(S3Server server, string lake, string prefix)
    {
        string bucket = await server.CreateBucketAsync(Token);
        using AmazonS3Client client = server.RawClient();
        foreach ((string key, string path) in LakeCopies.Files(lake))
            await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + "/" + key, FilePath = path }, Token);
        return bucket;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(S3Server server, string directory, string[] args)
    {
        Amazon.Runtime.ImmutableCredentials keys = server.Credentials.GetCredentials();
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = keys.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = keys.SecretKey };
        using BronzeProcess process = await BronzeProcess.RunAsync(directory, environment, args);
        return (process.ExitCode, process.Output + process.Error);
    }
}
