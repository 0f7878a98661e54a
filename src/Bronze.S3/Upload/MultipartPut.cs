using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Bronze.S3.Client;
using Bronze.Storage;

namespace Bronze.S3.Upload;

/// <summary>
/// Writes a large object with a multipart upload: parts are read in order (hashing the whole content with sha256 and
/// each part with MD5 on the way), uploaded in parallel from at most <see cref="S3StoreOptions.MaxParallelParts"/>
/// buffers, and published by a conditional CompleteMultipartUpload (<c>If-None-Match: *</c>). Any failure or
/// cancellation aborts the upload on the server, so no parts are left behind.
/// </summary>
/// <remarks>Only used where the server honours the condition on completion (<see cref="S3StoreOptions.ConditionalMultipart"/>).</remarks>
internal static class MultipartPut
{
    /// <summary>Uploads <paramref name="source"/>; <paramref name="known"/> is its digest when staging already computed it (not hashed again).</summary>
    public static async Task<(PutOutcome Outcome, ContentDigest Digest)> UploadAsync(
        S3Context context, string key, Stream source, long expectedSize, ContentDigest? known, CancellationToken cancellationToken)
    {
        string bucketKey = context.BucketKey(key);
        string writeId = ConditionalWrite.NewWriteId();
        var initiate = new InitiateMultipartUploadRequest { BucketName = context.Bucket, Key = bucketKey, ContentType = "application/octet-stream" };
        initiate.Metadata[ConditionalWrite.WriteIdMetadata] = writeId;
        InitiateMultipartUploadResponse started = await context.RunAsync(
            $"starting a multipart upload of '{key}' to {context.Description}", context.Deadline(),
            t => context.Client.InitiateMultipartUploadAsync(initiate, t), cancellationToken).ConfigureAwait(false);
        string uploadId = started.UploadId;
        PutOutcome outcome = PutOutcome.AlreadyExists;
        try
        {
            long partSize = PartSize(context.Options.PartSize, expectedSize);
            (List<PartETag> parts, ContentDigest digest, byte[] etagSource) =
                await UploadPartsAsync(context, key, uploadId, source, partSize, hashSha256: known is null, cancellationToken).ConfigureAwait(false);
            string expectedETag = $"\"{Convert.ToHexStringLower(MD5.HashData(etagSource))}-{parts.Count}\"";
            outcome = await ConditionalWrite.RunAsync(
                context, key, writeId, expectedETag, context.Deadline(),
                t => CompleteAsync(context, key, uploadId, parts, expectedETag, t), cancellationToken).ConfigureAwait(false);
            return (outcome, known ?? digest);
        }
        finally
        {
            // After a 412 the upload is still open on the server: abort it as after any failure.
            if (outcome != PutOutcome.Created) await AbortAsync(context, key, uploadId).ConfigureAwait(false);
        }
    }

    /// <summary>The configured part size, raised when needed so that the object fits in 10,000 parts.</summary>
    internal static long PartSize(long configured, long size)
    {
        long needed = (size + S3StoreOptions.MaxPartCount - 1) / S3StoreOptions.MaxPartCount;
        const long MiB = 1 << 20;
        return Math.Max(configured, (needed + MiB - 1) / MiB * MiB);
    }

    private static async Task<(List<PartETag> Parts, ContentDigest Digest, byte[] ETagSource)> UploadPartsAsync(
        S3Context context, string key, string uploadId, Stream source, long partSize, bool hashSha256, CancellationToken cancellationToken)
    {
        int bufferSize = checked((int)partSize);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var slots = new SemaphoreSlim(context.Options.MaxParallelParts);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var uploads = new List<Task<PartETag>>();
        var md5s = new List<byte[]>();
        long size = 0;
        try
        {
            while (true)
            {
                await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
                int length;
                try
                {
                    length = await source.ReadAtLeastAsync(buffer.AsMemory(0, bufferSize), bufferSize, throwOnEndOfStream: false, failed.Token).ConfigureAwait(false);
                }
                catch
                {
                    Release(buffer, slots);
                    throw;
                }

                // The end: a short part was the last one, and the next read returns nothing (an empty source still
                // uploads its one empty part).
                if (length == 0 && md5s.Count > 0)
                {
                    Release(buffer, slots);
                    break;
                }

                if (hashSha256) sha256.AppendData(buffer, 0, length);
                byte[] md5 = MD5.HashData(buffer.AsSpan(0, length));
                md5s.Add(md5);
                size += length;
                uploads.Add(UploadPartAsync(context, key, uploadId, md5s.Count, buffer, length, md5, slots, failed));
            }

            PartETag[] parts = await Task.WhenAll(uploads).ConfigureAwait(false);
            return ([.. parts], new ContentDigest(size, [], sha256.GetHashAndReset()), [.. md5s.SelectMany(m => m)]);
        }
        catch (Exception error)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(uploads.Select(u => u.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            // The reader stops with a cancellation when a part failed: report the part's failure instead.
            Exception? partError = uploads
                .Where(u => u.IsFaulted)
                .Select(u => u.Exception!.InnerException)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (error is OperationCanceledException && partError is not null && !cancellationToken.IsCancellationRequested)
                ExceptionDispatchInfo.Throw(partError);
            throw;
        }
    }

    private static async Task<PartETag> UploadPartAsync(
        S3Context context, string key, string uploadId, int number, byte[] buffer, int length, byte[] md5, SemaphoreSlim slots, CancellationTokenSource failed)
    {
        try
        {
            var request = new UploadPartRequest
            {
                BucketName = context.Bucket,
                Key = context.BucketKey(key),
                UploadId = uploadId,
                PartNumber = number,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
                PartSize = length,
                MD5Digest = Convert.ToBase64String(md5),
                UseChunkEncoding = false,
            };
            UploadPartResponse response = await context.RunAsync(
                $"uploading part {number} of '{key}' to {context.Description}", context.Deadline(length),
                t => context.Client.UploadPartAsync(request, t), failed.Token).ConfigureAwait(false);
            string expected = "\"" + Convert.ToHexStringLower(md5) + "\"";
            if (response.ETag is { Length: > 0 } etag && !string.Equals(etag, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new BronzeException(BronzeErrorKind.IntegrityMismatch,
                    $"Part {number} of '{key}' in {context.Description}: the server reports ETag {etag}, expected the MD5 {expected}.");
            }

            return new PartETag(number, expected); // the server's ETag, when it sent one, was just checked equal
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            Release(buffer, slots);
        }
    }

    private static async Task CompleteAsync(
        S3Context context, string key, string uploadId, List<PartETag> parts, string expectedETag, CancellationToken cancellationToken)
    {
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = context.Bucket,
            Key = context.BucketKey(key),
            UploadId = uploadId,
            PartETags = parts,
            IfNoneMatch = "*",
        };
        CompleteMultipartUploadResponse response = await context.WriteClient.CompleteMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.ETag is { Length: > 0 } etag && !string.Equals(etag, expectedETag, StringComparison.OrdinalIgnoreCase))
        {
            throw new BronzeException(BronzeErrorKind.IntegrityMismatch,
                $"After writing '{key}' to {context.Description}, the server reports ETag {etag}, expected {expectedETag}.");
        }
    }

    /// <summary>Aborts the upload whatever happened to the caller's token, so the server drops the parts.</summary>
    private static async Task AbortAsync(S3Context context, string key, string uploadId)
    {
        var request = new AbortMultipartUploadRequest { BucketName = context.Bucket, Key = context.BucketKey(key), UploadId = uploadId };
        try
        {
            await context.RunAsync($"aborting the multipart upload of '{key}' in {context.Description}", context.Deadline(),
                t => context.Client.AbortMultipartUploadAsync(request, t), CancellationToken.None).ConfigureAwait(false);
        }
        catch (BronzeException)
        {
            // The failure that led here is the one to report; a server that cannot abort keeps the parts out of view
            // (they are never an object), and a bucket lifecycle rule for incomplete uploads removes them.
        }
    }

    private static void Release(byte[] buffer, SemaphoreSlim slots)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        slots.Release();
    }
}
