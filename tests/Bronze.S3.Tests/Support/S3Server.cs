using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3;
using Bronze.Testing;

namespace Bronze.S3.Tests.Support;

/// <summary>A real S3 server the test script started: its endpoint, credentials, and fresh buckets on it.</summary>
/// <param name="Name">What the server is, e.g. "Ceph RGW".</param>
/// <param name="Endpoint">Its base URL.</param>
/// <param name="Credentials">Keys it accepts.</param>
/// <param name="VerifiesChecksums">Whether it checks Content-MD5 and the signed payload hash (moto does not).</param>
/// <param name="HonoursConditionalComplete">Whether it honours If-None-Match on CompleteMultipartUpload.</param>
public sealed record S3Server(string Name, Uri Endpoint, BasicAWSCredentials Credentials, bool VerifiesChecksums, bool HonoursConditionalComplete)
{
    /// <summary>
    /// Whether concurrent conditional completions of one key can all succeed: seen on moto 5.2.1 (2 or 3 of 3
    /// concurrent writers of 9 MiB objects were told Created), though it refuses a completion on an existing key.
    /// </summary>
    public bool RacesConditionalComplete => Name == "moto";

    /// <summary>Ceph RGW, or a skip (a failure under CI) when it is not running.</summary>
    public static S3Server Rgw()
    {
        string endpoint = TestServer.Require("BRONZE_TEST_S3_RGW_ENDPOINT", "Ceph RGW");
        string access = TestServer.Require("BRONZE_TEST_S3_RGW_ACCESS_KEY", "Ceph RGW (its access key)");
        string secret = TestServer.Require("BRONZE_TEST_S3_RGW_SECRET_KEY", "Ceph RGW (its secret key)");
        return new S3Server("Ceph RGW", new Uri(endpoint), new BasicAWSCredentials(access, secret), VerifiesChecksums: true, HonoursConditionalComplete: false);
    }

    /// <summary>moto, or a skip (a failure under CI) when it is not running.</summary>
    public static S3Server Moto()
    {
        string endpoint = TestServer.Require("BRONZE_TEST_S3_MOTO_ENDPOINT", "moto S3 server");
        return new S3Server("moto", new Uri(endpoint), new BasicAWSCredentials("bronze-test", "bronze-test-secret"), VerifiesChecksums: false, HonoursConditionalComplete: true);
    }

    /// <summary>
    /// Store options for <paramref name="bucket"/> on this server: endpoint, region and keys, plus conditional
    /// multipart where the server honours it (so that the multipart path is tested there).
    /// </summary>
    public S3StoreOptions Options(string bucket, string root = "") => new()
    {
        Bucket = bucket,
        Root = root,
        ServiceUrl = Endpoint,
        Region = "us-east-1",
        Credentials = Credentials,
        ConditionalMultipart = HonoursConditionalComplete ? true : null,
    };

    /// <summary>A raw SDK client for arranging and inspecting what the store cannot (buckets, multipart uploads).</summary>
    public AmazonS3Client RawClient() => new(Credentials, new AmazonS3Config
    {
        ServiceURL = Endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Creates a bucket with a fresh name and returns the name.</summary>
    public async Task<string> CreateBucketAsync(CancellationToken cancellationToken)
    {
        string bucket = "bronze-test-" + Guid.NewGuid().ToString("N")[..12];
        using AmazonS3Client client = RawClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        return bucket;
    }

    /// <summary>The multipart uploads still open in <paramref name="bucket"/>.</summary>
    public async Task<List<MultipartUpload>> OpenUploadsAsync(string bucket, CancellationToken cancellationToken)
    {
        using AmazonS3Client client = RawClient();
        ListMultipartUploadsResponse response = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, cancellationToken);
        return response.MultipartUploads ?? [];
    }
}
