using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3.Tests.Support;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.S3.Tests.Galexie;

/// <summary><c>bronze copy --source s3://...</c> and <c>bronze lake</c> on lakes of real ledgers uploaded to Ceph RGW.</summary>
public sealed class RgwLakeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 300_000)]
    [InlineData(1u, 4u, "zst")]
    [InlineData(2u, 1u, "zstd")]
    public async Task Copy_LakeOnRgw_WritesTheSameFilesAsFromLocalDisk(uint ledgersPerBatch, uint batchesPerPartition, string extension)
    {
        RealLedgers.Require();
        S3Server server = S3Server.Rgw();
        using var folder = new TempDirectory();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.StandaloneV25Async(lake, ledgersPerBatch, batchesPerPartition, extension);
        string bucket = await UploadAsync(server, lake, "galexie/pubnet");
        string url = $"s3://{bucket}/galexie/pubnet?endpoint={server.Endpoint.ToString().TrimEnd('/')}&region=us-east-1";

        (int localExit, string localOutput) = await RunAsync(server, folder.Path, LakeCopies.StandaloneArgs("lake", "local"));
        (int rgwExit, string rgwOutput) = await RunAsync(server, folder.Path, [.. LakeCopies.StandaloneArgs(url, "remote"), "--reads-in-flight", "8"]);

        Assert.True(localExit == 0, localOutput);
        Assert.True(rgwExit == 0, rgwOutput);
        SortedDictionary<string, string> local = LakeCopies.ParquetDigests(Path.Join(folder.Path, "local"));
        Assert.Equal(2, local.Count); // 10050-10059 and 10060-10069
        Assert.Equal(local, LakeCopies.ParquetDigests(Path.Join(folder.Path, "remote")));
    }

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

    [Fact(Timeout = 300_000)]
    public async Task Lake_OnRgw_ShowsConfigAndLedgerSpan()
    {
        RealLedgers.Require();
        S3Server server = S3Server.Rgw();
        using var folder = new TempDirectory();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.StandaloneV25Async(lake, 2, 4);
        string bucket = await UploadAsync(server, lake, "l");

        (int exit, string output) = await RunAsync(server, folder.Path,
            ["lake", "--source", $"s3://{bucket}/l?endpoint={server.Endpoint.ToString().TrimEnd('/')}&region=us-east-1"]);

        Assert.True(exit == 0, output);
        Assert.Contains("ledgers     10048 to 10077", output, StringComparison.Ordinal);
        Assert.Contains("2 ledgers per batch, 4 batches per partition", output, StringComparison.Ordinal);
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
