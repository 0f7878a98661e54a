using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3.Client;
using Bronze.Storage;

namespace Bronze.S3.Upload;

/// <summary>
/// Runs one conditional write (PutObject or CompleteMultipartUpload with <c>If-None-Match: *</c>) with the store's own
/// retries, and tells a key another writer holds from one this very put wrote.
/// </summary>
/// <remarks>
/// A write whose response was lost (a reset or timeout after the server committed it) is retried, by the store or
/// below it by the HTTP stack, and the retry answers 412. So every object carries a write id unique to its put (user
/// metadata <c>x-amz-meta-bronze-write-id</c>), and a 412 is followed by a HEAD: when the stored object has this put's
/// write id, the outcome is <see cref="PutOutcome.Created"/>. Concurrent writers have distinct ids, so exactly one wins.
/// </remarks>
internal static class ConditionalWrite
{
    private enum Answer
    {
        Written,
        Exists,
        Conflict,
    }

    /// <summary>The user-metadata name of the write id (the SDK adds the <c>x-amz-meta-</c> prefix).</summary>
    public const string WriteIdMetadata = "x-amz-meta-bronze-write-id";

    /// <summary>A fresh write id for one put.</summary>
    public static string NewWriteId() => Guid.NewGuid().ToString("N");

    /// <summary>Runs <paramref name="attempt"/> until it writes, the key turns out to exist, or retries run out.</summary>
    /// <param name="context">The store's context.</param>
    /// <param name="key">The store key, for messages.</param>
    /// <param name="writeId">The write id the attempt stores with the object.</param>
    /// <param name="expectedETag">The ETag the object gets from this write (quoted): checked with the write id.</param>
    /// <param name="deadline">The deadline of one attempt.</param>
    /// <param name="attempt">One write; it throws <see cref="AmazonS3Exception"/> 412/409 when the condition fails.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task<PutOutcome> RunAsync(
        S3Context context, string key, string writeId, string expectedETag, TimeSpan deadline, Func<CancellationToken, Task> attempt,
        CancellationToken cancellationToken)
    {
        string action = $"writing '{key}' to {context.Description}";
        for (int retry = 0; ; retry++)
        {
            try
            {
                Answer answer = await context.RunAsync(action, deadline, t => AttemptAsync(attempt, t), cancellationToken).ConfigureAwait(false);
                if (answer == Answer.Written) return PutOutcome.Created;
                if (answer == Answer.Exists)
                {
                    return await WroteAsync(context, key, writeId, expectedETag, cancellationToken).ConfigureAwait(false)
                        ? PutOutcome.Created
                        : PutOutcome.AlreadyExists;
                }

                // 409: another conditional write of this key is in flight; its outcome decides, so ask again, and when
                // the retries run out ask the store what it holds rather than guess.
                if (retry >= context.Options.MaxRetries) return await SettleConflictAsync(context, key, writeId, expectedETag, cancellationToken).ConfigureAwait(false);
            }
            catch (BronzeException e) when (retry < context.Options.MaxRetries && (e.IsTransient || IsSignatureMismatch(e)))
            {
                // Retried below, after the backoff. Ceph RGW 16 has answered a PUT with 403 SignatureDoesNotMatch after
                // the HTTP stack had retried it on reset connections (its log: no user, no latency). Whether the
                // credentials are at fault, a signed HEAD tells: if it passes, the write is retried.
                if (!e.IsTransient && !await SignedRequestPassesAsync(context, key, cancellationToken).ConfigureAwait(false)) throw;
            }

            await Task.Delay(Backoff(retry), context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with jitter: about 100 ms, 200 ms, 400 ms... capped at 5 s.</summary>
    public static TimeSpan Backoff(int retry)
    {
        double ceiling = Math.Min(5_000, 100 * Math.Pow(2, retry));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static async Task<Answer> AttemptAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        try
        {
            await attempt(cancellationToken).ConfigureAwait(false);
            return Answer.Written;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsPreconditionFailed(e))
        {
            return Answer.Exists;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionalConflict(e))
        {
            return Answer.Conflict;
        }
    }

    /// <summary>
    /// After 409s to the last retry: a HEAD says whether the key exists (and whose write it holds); a key still missing
    /// is a transient failure, never "already exists".
    /// </summary>
    private static async Task<PutOutcome> SettleConflictAsync(
        S3Context context, string key, string writeId, string expectedETag, CancellationToken cancellationToken)
    {
        try
        {
            return await WroteAsync(context, key, writeId, expectedETag, cancellationToken).ConfigureAwait(false)
                ? PutOutcome.Created
                : PutOutcome.AlreadyExists;
        }
        catch (BronzeException e) when (e.InnerException is AmazonS3Exception missing && S3Errors.IsMissingObject(missing))
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure,
                $"S3: writing '{key}' to {context.Description}: every attempt conflicted with another write of the key (409) and the key "
                + "still does not exist; nothing was written, retry later.", isTransient: true, innerException: e);
        }
    }

    private static bool IsSignatureMismatch(BronzeException e) =>
        e.InnerException is AmazonServiceException { ErrorCode: "SignatureDoesNotMatch" };

    /// <summary>Whether the server accepts a signed HEAD of the key (found or not) with the same credentials.</summary>
    private static async Task<bool> SignedRequestPassesAsync(S3Context context, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = context.Bucket, Key = context.BucketKey(key) };
        try
        {
            await context.RunAsync($"checking the credentials on '{key}' in {context.Description}", context.Deadline(),
                t => context.Client.GetObjectMetadataAsync(request, t), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (BronzeException e)
        {
            // 404 and transient failures say nothing against the credentials; a 403 does.
            return e.Field != "credentials";
        }
    }

    /// <summary>
    /// Whether the stored object is the one this put wrote: its write id and, where the server reports an ETag of the
    /// same form, the ETag of these bytes.
    /// </summary>
    private static async Task<bool> WroteAsync(S3Context context, string key, string writeId, string expectedETag, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = context.Bucket, Key = context.BucketKey(key) };
        GetObjectMetadataResponse head = await context.RunAsync(
            $"checking '{key}' in {context.Description}", context.Deadline(), t => context.Client.GetObjectMetadataAsync(request, t), cancellationToken)
            .ConfigureAwait(false);
        bool comparable = head.ETag is { } etag && etag.Length == expectedETag.Length
            && etag.Contains('-', StringComparison.Ordinal) == expectedETag.Contains('-', StringComparison.Ordinal);
        return head.Metadata[WriteIdMetadata] == writeId
            && (!comparable || string.Equals(head.ETag, expectedETag, StringComparison.OrdinalIgnoreCase));
    }
}
