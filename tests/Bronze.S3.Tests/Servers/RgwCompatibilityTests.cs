using Amazon.S3.Model;
using Bronze.S3.Tests.Support;
using Bronze.Testing;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// The RGW 16 behaviour that S3Store's defaults for custom endpoints rely on. If a newer RGW honours the condition
/// on CompleteMultipartUpload, this test fails: then <c>conditional-multipart</c> may default to on there.
/// </summary>
public sealed class RgwCompatibilityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompleteMultipartUpload_IfNoneMatchOnExistingKey_RgwOverwritesAnyway()
    {
        S3Server server = S3Server.Rgw();
        string bucket = await server.CreateBucketAsync(Token);
        using var client = server.RawClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "original" }, Token);
        string uploadId = (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "k" }, Token)).UploadId;
        byte[] part = TestBytes.Create(1000, seed: 1);
        UploadPartResponse uploaded = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "k", UploadId = uploadId, PartNumber = 1, InputStream = new MemoryStream(part), UseChunkEncoding = false,
        }, Token);

        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "k", UploadId = uploadId, PartETags = [new PartETag(1, uploaded.ETag)], IfNoneMatch = "*",
        }, Token);

        GetObjectMetadataResponse head = await client.GetObjectMetadataAsync(bucket, "k", Token);
        Assert.Equal(part.Length, head.ContentLength);
    }
}
