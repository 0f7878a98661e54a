using Amazon.S3;
using Amazon.S3.Model;
using Bronze.Locations;
using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.S3.Tests.Cli;

/// <summary>The end-to-end CLI scenario on one S3 server: a new bucket per store, the endpoint in each URL's query.</summary>
public abstract class S3CliScenarioTests : CliStoreScenarioTests
{
    /// <summary>The server under test (skips, or fails under CI, when it is not running).</summary>
    protected abstract S3Server Server { get; }

    /// <inheritdoc />
    protected override string Query => $"?endpoint={Server.Endpoint.ToString().TrimEnd('/')}&region=us-east-1";

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            Amazon.Runtime.ImmutableCredentials keys = Server.Credentials.GetCredentials();
            return new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = keys.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = keys.SecretKey };
        }
    }

    /// <inheritdoc />
    protected override async Task<string> CreateStoreAsync() => "s3://" + await Server.CreateBucketAsync(Token);

    /// <inheritdoc />
    protected override IObjectStore OpenStore(string location)
    {
        StoreLocation parsed = StoreLocation.Parse(location);
        return new S3Store(Server.Options(parsed.Bucket, parsed.Root));
    }

    /// <inheritdoc />
    protected override async Task UploadAsync(string location, string key, string path)
    {
        StoreLocation parsed = StoreLocation.Parse(location);
        using AmazonS3Client client = Server.RawClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = parsed.Bucket, Key = ObjectKey.Join(parsed.Root, key), FilePath = path }, Token);
    }
}
