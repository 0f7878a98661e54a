using System.Net;
using Bronze.Gcs.Hashing;
using Bronze.Gcs.Http;
using Bronze.Storage;
using Google;
using Google.Apis.Upload;
using Google.Cloud.Storage.V1;
using GcsObject = Google.Apis.Storage.v1.Data.Object;

namespace Bronze.Gcs.Upload;

/// <summary>
/// One put-if-absent as a resumable upload: the official client starts the session with <c>ifGenerationMatch=0</c>,
/// Google.Apis' engine sends the chunks, and this class adds what neither does: the crc32c of the whole object on the
/// final chunk (from Bronze's own hashing, on the CPU's CRC32 instruction), cancelling the session when the put fails,
/// and checking what the server stored.
/// </summary>
/// <remarks>
/// The session is started with <see cref="StorageClient.InitiateUploadSessionAsync(GcsObject, long?, UploadObjectOptions, CancellationToken)"/>
/// rather than <see cref="StorageClient.UploadObjectAsync(GcsObject, Stream, UploadObjectOptions, CancellationToken, IProgress{IUploadProgress})"/>
/// because only then is the session URI known for content that cannot seek, and a failed put must cancel it.
/// <para>The final chunk's answer can be lost after the server committed the object (a reset, a timeout); the retry
/// then meets <c>ifGenerationMatch=0</c> against this put's own object and gets 412. So every object carries a write id
/// unique to its put (custom metadata <c>bronze-write-id</c>), and a 412 at commit is followed by a GET: when the
/// stored object has this put's write id (and the bytes sent), the outcome is <see cref="PutOutcome.Created"/>.</para>
/// </remarks>
internal sealed class GcsUploader(StorageClient client, GcsStoreOptions options)
{
    private const string ContentTypeOctets = "application/octet-stream";

    /// <summary>The custom-metadata name of the write id.</summary>
    public const string WriteIdMetadata = "bronze-write-id";

    /// <summary>
    /// Put-if-absent; the client's own crc32c (a table lookup per byte) is off because Bronze sends its own, computed
    /// at the CPU's speed and, for files, beside the upload instead of in its path.
    /// </summary>
    private static readonly UploadObjectOptions SessionOptions = new() { IfGenerationMatch = 0, UploadValidationMode = UploadValidationMode.None };

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> unless an object of that name exists.</summary>
    public async Task<PutResult> PutAsync(string key, string name, IUploadContent content, string what, CancellationToken cancellationToken)
    {
        Uri session;
        string writeId = Guid.NewGuid().ToString("N");
        try
        {
            var destination = new GcsObject
            {
                Bucket = options.Bucket,
                Name = name,
                ContentType = ContentTypeOctets,
                Metadata = new Dictionary<string, string> { [WriteIdMetadata] = writeId },
            };
            // A known length (a file's) is declared (X-Upload-Content-Length), so Cloud Storage refuses to commit any
            // other size. An empty file declares none: the client refuses a length of 0 ("cannot be enforced"; the
            // final request, "bytes */0", states it anyway).
            session = await client.InitiateUploadSessionAsync(destination, content.Length is > 0 ? content.Length : null, SessionOptions, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.PreconditionFailed)
        {
            return await AlreadyExistsAsync(key, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GcsErrors.IsStoreFailure(e))
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
        }

        try
        {
            return await UploadAsync(session, key, name, writeId, content, what, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled upload leaves nothing behind: its session, and the bytes the server holds for it,
            // are dropped now rather than when the server expires them (a week on Cloud Storage).
            await CancelSessionAsync(session).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<PutResult> AlreadyExistsAsync(string key, IUploadContent content, CancellationToken cancellationToken)
    {
        ContentHashes whole = await content.WholeHashesAsync(cancellationToken).ConfigureAwait(false);
        return new PutResult(key, PutOutcome.AlreadyExists, whole.Size, whole.Sha256Hex);
    }

    private async Task<PutResult> UploadAsync(
        Uri session, string key, string name, string writeId, IUploadContent content, string what, CancellationToken cancellationToken)
    {
        var upload = ResumableUpload.CreateFromUploadUri(session, content.Body, new ResumableUploadOptions
        {
            HttpClient = client.Service.HttpClient,
            Serializer = client.Service.Serializer,
            ServiceName = client.Service.Name,
        });
        upload.ChunkSize = options.ChunkSize;
        var crc32CHeader = new Crc32CHeaderInterceptor(content);
        upload.LastRequestExecuting += request => request.Options.Set(Crc32CHeaderInterceptor.OptionKey, [crc32CHeader]);
        IUploadProgress progress;
        try
        {
            progress = await upload.UploadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
        }

        if (progress.Status != UploadStatus.Completed)
        {
            // The precondition is checked again at commit: another writer committed first, after this session started,
            // or this put's own final chunk landed and its retry met the object it created.
            if (progress.Exception is GoogleApiException { HttpStatusCode: HttpStatusCode.PreconditionFailed })
                return await SettlePreconditionAsync(key, name, writeId, content, what, cancellationToken).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            content.SourceFailure?.Throw();
            Exception failure = progress.Exception ?? new InvalidOperationException($"the upload ended as {progress.Status}");
            throw GcsErrors.FromException(failure, what, cancellationToken);
        }

        ContentHashes sent = await content.SentHashesAsync(cancellationToken).ConfigureAwait(false);
        CheckStored(await StatStoredAsync(name, what, cancellationToken).ConfigureAwait(false), sent, what);
        return new PutResult(key, PutOutcome.Created, sent.Size, sent.Sha256Hex);
    }

    /// <summary>After a 412 at commit: the stored object's write id tells this put's own object from another writer's.</summary>
    private async Task<PutResult> SettlePreconditionAsync(
        string key, string name, string writeId, IUploadContent content, string what, CancellationToken cancellationToken)
    {
        GcsObject stored = await StatStoredAsync(name, what, cancellationToken).ConfigureAwait(false);
        if (stored.Metadata is null || !stored.Metadata.TryGetValue(WriteIdMetadata, out string? storedId) || storedId != writeId)
            return await AlreadyExistsAsync(key, content, cancellationToken).ConfigureAwait(false);

        ContentHashes sent = await content.SentHashesAsync(cancellationToken).ConfigureAwait(false);
        CheckStored(stored, sent, what);
        return new PutResult(key, PutOutcome.Created, sent.Size, sent.Sha256Hex);
    }

    /// <summary>The object the server committed, after it answered that it did.</summary>
    private async Task<GcsObject> StatStoredAsync(string name, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetObjectAsync(options.Bucket, name, new GetObjectOptions { RetryOptions = RetryOptions.Never }, cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            throw new BronzeException(BronzeErrorKind.IntegrityMismatch, $"{what}: the server reported the object committed but stores none.");
        }
        catch (Exception e) when (GcsErrors.IsStoreFailure(e))
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
        }
    }

    /// <summary>
    /// The upload engine treats any 2xx as done; this checks that the object the server committed has the size and
    /// crc32c of the bytes sent, so a server that ignores <c>x-goog-hash</c> or a chunk cannot pass silently.
    /// </summary>
    private static void CheckStored(GcsObject stored, ContentHashes sent, string what)
    {
        uint? crc = HashHeader.FromBase64(stored.Crc32c);
        if ((long?)stored.Size != sent.Size || crc != sent.Crc32C)
        {
            throw new BronzeException(
                BronzeErrorKind.IntegrityMismatch,
                $"{what}: sent {sent.Size} bytes with crc32c {Crc32C.ToBase64(sent.Crc32C)}, but the server stores {stored.Size} bytes with crc32c {stored.Crc32c}.");
        }
    }

    /// <summary>Cancels a resumable session (DELETE on its URI; the server answers 499), best effort and briefly.</summary>
    private async Task CancelSessionAsync(Uri session)
    {
        using var deadline = new CancellationTokenSource(options.ConnectTimeout + TimeSpan.FromSeconds(5));
        try
        {
            using HttpResponseMessage response = await client.Service.HttpClient.DeleteAsync(session, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The failure being reported matters more; an uncancelled session holds no object and expires.
        }
    }
}
