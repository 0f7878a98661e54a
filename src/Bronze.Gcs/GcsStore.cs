using System.Net;
using System.Runtime.CompilerServices;
using Bronze.Errors;
using Bronze.Gcs.Hashing;
using Bronze.Gcs.Http;
using Bronze.Gcs.Json;
using Bronze.Gcs.Upload;
using Bronze.Storage;
using Google;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using Google.Apis.Services;
using Google.Apis.Upload;

namespace Bronze.Gcs;

/// <summary>
/// An <see cref="IObjectStore"/> on Google Cloud Storage, speaking the JSON API through Google.Apis' HTTP stack
/// (credentials, retry with exponential backoff, the resumable upload engine).
/// </summary>
/// <remarks>
/// <para>Put-if-absent is the upload itself with <c>ifGenerationMatch=0</c>: the server creates the object only if
/// no live version exists and answers 412 otherwise, which becomes <see cref="PutOutcome.AlreadyExists"/>. Every
/// upload is resumable, in chunks of <see cref="GcsStoreOptions.ChunkSize"/>, so memory stays bounded by one chunk.</para>
/// <para>Integrity: the crc32c of the bytes (computed as a stream is sent, or over the file beside the upload) goes
/// with the final chunk (<c>x-goog-hash</c>) for the server to verify; after the upload the stored size and crc32c are compared with what
/// was sent. Downloads are checked against the crc32c the server reports.</para>
/// <para>Thread-safe: one instance serves concurrent calls.</para>
/// </remarks>
public sealed class GcsStore : IObjectStore, IDisposable
{
    private const string Scope = "https://www.googleapis.com/auth/devstorage.read_write";
    private readonly GcsStoreOptions _options;
    private readonly GcsClientService _service;
    private readonly GcsJsonApi _api;

    /// <summary>Creates the store; no request is made until the first call.</summary>
    /// <param name="options">Bucket, prefix, endpoint and limits; see <see cref="GcsStoreOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/>: an option breaks a rule, or the store is not anonymous and no
    /// application default credentials can be found.
    /// </exception>
    public GcsStore(GcsStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        Uri endpoint = options.Endpoint ?? GcsStoreOptions.DefaultEndpoint;
        _service = new GcsClientService(new BaseClientService.Initializer
        {
            BaseUri = new Uri(endpoint, GcsClientService.ApiPath).ToString(),
            HttpClientInitializer = new RetryingInitializer(options.Anonymous ? null : LoadCredential(), options.MaxAttempts),
            HttpClientFactory = new GcsHttpClientFactory(options.ConnectTimeout),
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            HttpClientTimeout = options.RequestTimeout,
            GZipEnabled = false,
            ApplicationName = "bronze",
        });
        _api = new GcsJsonApi(_service, options.Bucket);
        Description = options.Prefix.Length == 0 ? $"gs://{options.Bucket}" : $"gs://{options.Bucket}/{options.Prefix}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public async Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        string name = ObjectName(key);
        ArgumentNullException.ThrowIfNull(content);
        var upload = new StreamUploadContent(content);
        await using (upload.ConfigureAwait(false))
        {
            return await PutAsync(key, name, upload, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default)
    {
        string name = ObjectName(key);
        ArgumentNullException.ThrowIfNull(filePath);
        var upload = new FileUploadContent(filePath);
        await using (upload.ConfigureAwait(false))
        {
            return await PutAsync(key, name, upload, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        string name = ObjectName(key, readable: true);
        string what = Describe(key);
        GcsObject? item = await _api.GetMetadataAsync(name, what, cancellationToken).ConfigureAwait(false);
        return item is null ? null : new ObjectInfo(key, GcsJsonApi.ParseSize(item, what));
    }

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        return _api.OpenMediaAsync(ObjectName(key, readable: true), Describe(key), cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        string namePrefix = ObjectKey.Join(_options.Prefix, prefix);
        int rootLength = _options.Prefix.Length == 0 ? 0 : _options.Prefix.Length + 1;
        string what = $"listing {Description} under '{prefix}'";
        string? pageToken = null;
        do
        {
            GcsObjectList page = await _api.ListPageAsync(namePrefix, _options.ListPageSize, pageToken, what, cancellationToken).ConfigureAwait(false);
            List<ObjectInfo> items = [];
            foreach (GcsObject item in page.Items ?? [])
            {
                if (item.Name is null || !item.Name.StartsWith(namePrefix, StringComparison.Ordinal)) continue;
                items.Add(new ObjectInfo(item.Name[rootLength..], GcsJsonApi.ParseSize(item, what)));
            }

            // Cloud Storage lists in name order already; sorting a page costs nothing then and guards the contract.
            items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (ObjectInfo info in items) yield return info;
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _service.Dispose();

    private async Task<PutResult> PutAsync(string key, string name, IUploadContent content, CancellationToken cancellationToken)
    {
        var upload = new GcsObjectUpload(_service, _options.Bucket, name, content.Body) { IfGenerationMatch = 0, ChunkSize = _options.ChunkSize };
        try
        {
            return await UploadAsync(upload, key, name, content, cancellationToken).ConfigureAwait(false);
        }
        catch when (upload.SessionUri is not null)
        {
            // A failed or cancelled upload leaves nothing behind: its session, and the bytes the server holds for it,
            // are dropped now rather than when the server expires them (a week on Cloud Storage).
            await CancelSessionAsync(upload.SessionUri).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PutResult> UploadAsync(GcsObjectUpload upload, string key, string name, IUploadContent content, CancellationToken cancellationToken)
    {
        string what = $"uploading {Describe(key)}";
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
            if (progress.Exception is GoogleApiException { HttpStatusCode: HttpStatusCode.PreconditionFailed })
            {
                ContentHashes whole = await content.WholeHashesAsync(cancellationToken).ConfigureAwait(false);
                return new PutResult(key, PutOutcome.AlreadyExists, whole.Size, whole.Sha256Hex);
            }

            cancellationToken.ThrowIfCancellationRequested();
            content.SourceFailure?.Throw();
            Exception failure = progress.Exception ?? new InvalidOperationException($"the upload ended as {progress.Status}");
            throw GcsErrors.FromException(failure, what, cancellationToken);
        }

        ContentHashes sent = await content.SentHashesAsync(cancellationToken).ConfigureAwait(false);
        await CheckStoredAsync(upload.ResponseBody, name, sent, what, cancellationToken).ConfigureAwait(false);
        return new PutResult(key, PutOutcome.Created, sent.Size, sent.Sha256Hex);
    }

    /// <summary>Cancels a resumable session (DELETE on its URI; the server answers 499), best effort and briefly.</summary>
    private async Task CancelSessionAsync(Uri session)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout + TimeSpan.FromSeconds(5));
        try
        {
            using HttpResponseMessage response = await _service.HttpClient.DeleteAsync(session, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The failure being reported matters more; an uncancelled session holds no object and expires.
        }
    }

    /// <summary>
    /// The resumable engine treats any 2xx as done; this checks that the object the server committed has the size and
    /// crc32c of the bytes sent.
    /// </summary>
    private async Task CheckStoredAsync(GcsObject? stored, string name, ContentHashes sent, string what, CancellationToken cancellationToken)
    {
        if (stored?.Size is null || stored.Crc32C is null)
        {
            stored = await _api.GetMetadataAsync(name, what, cancellationToken).ConfigureAwait(false)
                ?? throw new BronzeException(BronzeErrorKind.IntegrityMismatch, $"{what}: the server reported success but stores no object.");
        }

        long size = GcsJsonApi.ParseSize(stored, what);
        uint? crc = HashHeader.FromBase64(stored.Crc32C);
        if (size != sent.Size || crc != sent.Crc32C)
        {
            throw new BronzeException(
                BronzeErrorKind.IntegrityMismatch,
                $"{what}: sent {sent.Size} bytes with crc32c {Crc32C.ToBase64(sent.Crc32C)}, but the server stores {size} bytes with crc32c {stored.Crc32C}.");
        }
    }

    /// <summary>
    /// Checks the key and returns the object's name in the bucket; Cloud Storage allows at most 1,024 bytes (keys are
    /// ASCII, so characters are bytes). Keys only read may name a hidden object (<see cref="ObjectKey.ValidateReadable"/>).
    /// </summary>
    private string ObjectName(string key, bool readable = false)
    {
        string name = ObjectKey.Join(_options.Prefix, readable ? ObjectKey.ValidateReadable(key) : ObjectKey.Validate(key));
        if (name.Length > ObjectKey.MaxLength)
        {
            throw BronzeException.Invalid(
                "key", $"be at most {ObjectKey.MaxLength - name.Length + key.Length} characters under the prefix '{_options.Prefix}' (Cloud Storage names are at most 1,024 bytes)", key);
        }

        return name;
    }

    private string Describe(string key) => $"object '{key}' in {Description}";

    private static IConfigurableHttpClientInitializer LoadCredential()
    {
        try
        {
            return GoogleCredential.GetApplicationDefault().CreateScoped(Scope);
        }
        catch (InvalidOperationException e)
        {
            throw new BronzeException(
                BronzeErrorKind.InvalidInput,
                "No Google application default credentials: set GOOGLE_APPLICATION_CREDENTIALS, run `gcloud auth application-default login`, "
                + $"or run on Google Cloud; for an emulator set {GcsStoreOptions.EmulatorHostVariable}. ({e.Message})",
                field: "credentials",
                innerException: e);
        }
    }
}
