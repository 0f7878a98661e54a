using Amazon.S3.Model;
using Bronze.S3.Client;
using Bronze.Storage;

namespace Bronze.S3.Upload;

/// <summary>
/// Writes staged content with one conditional PutObject (<c>If-None-Match: *</c>), carrying checksums the server
/// verifies before it stores anything: Content-MD5, the payload sha256 the SDK signs (<c>x-amz-content-sha256</c>),
/// and where enabled <c>x-amz-checksum-sha256</c>. What the server reports back is checked too.
/// </summary>
internal static class SinglePut
{
    public static async Task<PutOutcome> UploadAsync(S3Context context, string key, StagedContent content, CancellationToken cancellationToken)
    {
        string writeId = ConditionalWrite.NewWriteId();
        return await ConditionalWrite.RunAsync(
            context, key, writeId, content.Digest.SinglePartETag, context.Deadline(content.Size), t => AttemptAsync(context, key, content, writeId, t), cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task AttemptAsync(S3Context context, string key, StagedContent content, string writeId, CancellationToken cancellationToken)
    {
        ContentDigest digest = content.Digest;
        Stream body = content.OpenRead();
        await using (body.ConfigureAwait(false))
        {
            var request = new PutObjectRequest
            {
                BucketName = context.Bucket,
                Key = context.BucketKey(key),
                InputStream = body, // each attempt opens its own stream, from the start
                IfNoneMatch = "*",
                MD5Digest = digest.Md5Base64,
                ContentType = "application/octet-stream",
                // A plain body whose sha256 the SDK signs (x-amz-content-sha256), rather than aws-chunked framing.
                UseChunkEncoding = false,
            };
            request.Headers.ContentLength = digest.Size;
            request.Metadata[ConditionalWrite.WriteIdMetadata] = writeId;
            if (context.ChecksumSha256) request.ChecksumSHA256 = digest.Sha256Base64;

            PutObjectResponse response = await context.WriteClient.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            Verify(context, key, digest, response);
        }
    }

    /// <summary>The server verified the checksums it was sent; this checks that what it reports agrees.</summary>
    private static void Verify(S3Context context, string key, ContentDigest digest, PutObjectResponse response)
    {
        // An ETag that is not a plain MD5 (SSE-KMS, some gateways) says nothing about the bytes.
        bool md5ETag = response.ETag is { Length: 34 } etag && !etag.Contains('-', StringComparison.Ordinal);
        if (md5ETag && !string.Equals(response.ETag, digest.SinglePartETag, StringComparison.OrdinalIgnoreCase))
            throw Mismatch(context, key, $"ETag {response.ETag}, expected the MD5 {digest.SinglePartETag}");
        if (!string.IsNullOrEmpty(response.ChecksumSHA256) && response.ChecksumSHA256 != digest.Sha256Base64)
            throw Mismatch(context, key, $"sha256 {response.ChecksumSHA256}, expected {digest.Sha256Base64}");
    }

    private static BronzeException Mismatch(S3Context context, string key, string what) => new(
        BronzeErrorKind.IntegrityMismatch,
        $"After writing '{key}' to {context.Description}, the server reports {what}: the stored object may not hold the bytes sent.");
}
