using Bronze.S3.Upload;
using Bronze.Storage;

namespace Bronze.S3;

// The writes: put-if-absent of a stream or a file, by one conditional PutObject or a multipart upload. Kept apart from
// the reads so that the mutation test (tools/mutation/targets/s3) can cover exactly the code that decides a put.
public sealed partial class S3Store
{
    /// <inheritdoc />
    /// <remarks>
    /// Errors are <see cref="BronzeErrorKind.StoreFailure"/> (with <see cref="BronzeException.IsTransient"/> for
    /// throttling, 5xx, timeouts and dropped connections), <see cref="BronzeErrorKind.IntegrityMismatch"/> when the
    /// server refuses the bytes as corrupted, and <see cref="BronzeErrorKind.InvalidInput"/> for an object above
    /// 5 GiB when <see cref="S3StoreOptions.ConditionalMultipart"/> is off.
    /// </remarks>
    public async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(content);
        string spool = Options.SpoolDirectory ?? Path.GetTempPath();
        using StagedContent staged = await ContentStager.FromStreamAsync(content, Options.MemoryBufferSize, spool, cancellationToken).ConfigureAwait(false);
        if (UsesMultipart(staged.Size))
        {
            Stream body = staged.OpenRead();
            await using (body.ConfigureAwait(false))
            {
                return await PutMultipartAsync(key, body, staged.Size, staged.Digest, cancellationToken).ConfigureAwait(false);
            }
        }

        return await PutSingleAsync(key, staged, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>As for <see cref="PutIfAbsentAsync"/>; a missing file is <see cref="BronzeErrorKind.NotFound"/>.</remarks>
    public async Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        FileStream file = ContentStager.OpenFile(filePath);
        StagedContent staged;
        await using (file.ConfigureAwait(false))
        {
            long size = file.Length;
            if (UsesMultipart(size)) return await PutMultipartAsync(key, file, size, known: null, cancellationToken).ConfigureAwait(false);
            CheckSinglePutSize(key, size);
            staged = await ContentStager.FromFileAsync(file, cancellationToken).ConfigureAwait(false); // one open for size and hash
        }

        using (staged)
        {
            return await PutSingleAsync(key, staged, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The largest object one PutObject may write: S3's 5 GiB; lowered by tests to reach the limit cheaply.</summary>
    internal long SinglePutLimit { get; init; } = S3StoreOptions.MaxSinglePutSize;

    private bool UsesMultipart(long size) => _context.ConditionalMultipart && size >= Options.MultipartThreshold;

    private async Task<PutResult> PutSingleAsync(string key, StagedContent staged, CancellationToken cancellationToken)
    {
        CheckSinglePutSize(key, staged.Size);

        // Skip sending a large body when the key is already taken; the conditional write below is still the check.
        if (staged.Size > Options.MemoryBufferSize && await StatAsync(key, cancellationToken).ConfigureAwait(false) is not null)
            return new PutResult(key, PutOutcome.AlreadyExists, staged.Size, staged.Digest.Sha256Hex);

        PutOutcome outcome = await SinglePut.UploadAsync(_context, key, staged, cancellationToken).ConfigureAwait(false);
        return new PutResult(key, outcome, staged.Size, staged.Digest.Sha256Hex);
    }

    private void CheckSinglePutSize(string key, long size)
    {
        if (size > SinglePutLimit)
        {
            throw new BronzeException(BronzeErrorKind.InvalidInput,
                $"'{key}' is {size} bytes, more than the 5 GiB one PutObject can write, and {Description} is set to write "
                + "every object with one conditional PutObject (conditional-multipart=false, the default with a custom endpoint, "
                + "because servers such as Ceph RGW 16 ignore If-None-Match on CompleteMultipartUpload and would overwrite). "
                + "Set conditional-multipart=true only for a server that honours it.", field: "conditional_multipart");
        }
    }

    // known: the content's digest when staging already computed it; null to hash the body if the key exists.
    private async Task<PutResult> PutMultipartAsync(string key, Stream body, long size, ContentDigest? known, CancellationToken cancellationToken)
    {
        // Skip uploading parts when the key is already taken; the conditional completion is still the check.
        if (await StatAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            ContentDigest existing = known ?? await ContentStager.HashAsync(body, cancellationToken).ConfigureAwait(false);
            return new PutResult(key, PutOutcome.AlreadyExists, existing.Size, existing.Sha256Hex);
        }

        (PutOutcome outcome, ContentDigest digest) = await MultipartPut.UploadAsync(_context, key, body, size, known, cancellationToken).ConfigureAwait(false);
        return new PutResult(key, outcome, digest.Size, digest.Sha256Hex);
    }
}
