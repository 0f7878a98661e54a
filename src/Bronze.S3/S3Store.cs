using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3.Client;
using Bronze.Storage;

namespace Bronze.S3;

/// <summary>
/// The object store on AWS S3 and S3-compatible servers (Ceph RGW, MinIO, R2, B2). Keys are relative to
/// <see cref="Locations.BucketStoreOptions.Root"/> in <see cref="Locations.BucketStoreOptions.Bucket"/>. Every write is put-if-absent on the
/// server (<c>If-None-Match: *</c>), carries checksums the server verifies, and leaves nothing visible when it fails.
/// </summary>
/// <remarks>
/// Objects up to <see cref="S3StoreOptions.MultipartThreshold"/>, and every object when
/// <see cref="S3StoreOptions.ConditionalMultipart"/> is off, are written by one conditional PutObject (at most 5 GiB).
/// Larger ones use a multipart upload completed conditionally, and aborted on failure or cancellation. Streams of
/// unknown length are held in memory up to <see cref="S3StoreOptions.MemoryBufferSize"/> and spooled to a temporary
/// file beyond. The instance is thread-safe; dispose it to release its HTTP connections.
/// </remarks>
public sealed partial class S3Store : IObjectStore, IDisposable
{
    private readonly S3Context _context;
    private volatile bool _bucketSeen;

    /// <summary>Creates the store. No request is made until the first operation.</summary>
    /// <param name="options">Bucket, root, endpoint and the other settings; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/>: an option breaks its rule.</exception>
    public S3Store(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _context = new S3Context(options.Validate());
    }

    /// <summary>The options the store runs with.</summary>
    public S3StoreOptions Options => _context.Options;

    /// <inheritdoc />
    public string Description => _context.Description;

    /// <inheritdoc />
    public async Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key, readable: true);
        var request = new GetObjectMetadataRequest { BucketName = Options.Bucket, Key = _context.BucketKey(key) };
        GetObjectMetadataResponse? head = await _context.RunAsync($"reading '{key}' in {Description}", _context.Deadline(), async t =>
        {
            try
            {
                return await _context.Client.GetObjectMetadataAsync(request, t).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (head is not null) return new ObjectInfo(key, head.ContentLength);

        // A HEAD answers a missing bucket with a bare 404 too: tell the two apart once.
        await EnsureBucketAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key, readable: true);
        var request = new GetObjectRequest { BucketName = Options.Bucket, Key = _context.BucketKey(key) };
        GetObjectResponse? response = await _context.RunAsync($"reading '{key}' in {Description}", _context.Deadline(), async t =>
        {
            try
            {
                return await _context.Client.GetObjectAsync(request, t).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsMissingObject(e))
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);
        return response is null
            ? throw BronzeException.NotFound($"Object '{key}' in {Description}")
            : new ResponseStream(response);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            // No range can ask for zero bytes; the key must still exist.
            return await StatAsync(key, cancellationToken).ConfigureAwait(false) is null
                ? throw BronzeException.NotFound($"Object '{key}' in {Description}")
                : [];
        }

        var request = new GetObjectRequest
        {
            BucketName = Options.Bucket,
            Key = _context.BucketKey(key),
            ByteRange = new ByteRange(offset, offset + length - 1),
        };
        byte[]? bytes = await _context.RunAsync($"reading '{key}' in {Description}", _context.Deadline(), async t =>
        {
            try
            {
                using GetObjectResponse response = await _context.Client.GetObjectAsync(request, t).ConfigureAwait(false);
                if (response.HttpStatusCode != HttpStatusCode.PartialContent && offset > 0)
                    throw new BronzeException(BronzeErrorKind.StoreFailure, $"Reading '{key}' in {Description}: the server ignored the byte range (status {(int)response.HttpStatusCode}).");
                return await RangeBody.ReadAsync(response.ResponseStream, length, t).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsMissingObject(e))
            {
                return null;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The range starts at or past the end (every range of an empty object does).
                return [];
            }
        }, cancellationToken).ConfigureAwait(false);
        return bytes ?? throw BronzeException.NotFound($"Object '{key}' in {Description}");
    }

    /// <inheritdoc />
    /// <remarks>Keys with a segment starting with <c>.</c> are not valid store keys and are left out.</remarks>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        string root = Options.Root.Length == 0 ? "" : Options.Root + "/";
        var request = new ListObjectsV2Request { BucketName = Options.Bucket, Prefix = root + prefix };
        do
        {
            ListObjectsV2Response page = await _context.RunAsync($"listing '{prefix}' in {Description}", _context.Deadline(),
                t => _context.Client.ListObjectsV2Async(request, t), cancellationToken).ConfigureAwait(false);
            _bucketSeen = true;
            foreach (S3Object item in page.S3Objects ?? [])
            {
                string key = item.Key[root.Length..];
                if (key.Length == 0 || key.StartsWith('.') || key.Contains("/.", StringComparison.Ordinal)) continue;
                yield return new ObjectInfo(key, item.Size ?? 0);
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (!string.IsNullOrEmpty(request.ContinuationToken));
    }

    /// <summary>Releases the HTTP clients.</summary>
    public void Dispose() => _context.Dispose();

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketSeen) return;
        var request = new ListObjectsV2Request { BucketName = Options.Bucket, MaxKeys = 1 };
        await _context.RunAsync($"opening bucket '{Options.Bucket}' on {_context.Endpoint}", _context.Deadline(),
            t => _context.Client.ListObjectsV2Async(request, t), cancellationToken).ConfigureAwait(false);
        _bucketSeen = true;
    }

    /// <summary>
    /// Checks the key before any request: its rules, and S3's limit of 1,024 bytes for the key in the bucket, root
    /// prefix included (keys are ASCII, so characters are bytes).
    /// </summary>
    private void CheckKey(string key, bool readable = false)
    {
        if (readable) ObjectKey.ValidateReadable(key);
        else ObjectKey.Validate(key);
        int length = _context.BucketKey(key).Length;
        if (length > ObjectKey.MaxLength)
        {
            throw BronzeException.Invalid(
                "key", $"be at most {ObjectKey.MaxLength - length + key.Length} characters under the root '{Options.Root}' (S3 keys are at most 1,024 bytes)", key);
        }
    }
}
