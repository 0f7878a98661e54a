using System.Net;
using System.Runtime.CompilerServices;
using Bronze.Gcs.Http;
using Bronze.Gcs.Upload;
using Bronze.Storage;
using Google;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using Google.Apis.Services;
using Google.Apis.Storage.v1;
using Google.Apis.Storage.v1.Data;
using Google.Cloud.Storage.V1;
using GcsObject = Google.Apis.Storage.v1.Data.Object;

namespace Bronze.Gcs;

/// <summary>
/// An <see cref="IObjectStore"/> on Google Cloud Storage, on the official client (Google.Cloud.Storage.V1's
/// <see cref="StorageClient"/>, over the generated JSON API service and Google.Apis' HTTP stack and resumable engine).
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

    /// <summary>The JSON API's path under the endpoint; uploads live under <c>upload/</c> plus this.</summary>
    private const string ApiPath = "storage/v1/";

    private readonly GcsStoreOptions _options;
    private readonly StorageClient _client;
    private readonly GcsUploader _uploader;

    /// <summary>Creates the store; no request is made until the first call.</summary>
    /// <param name="options">Bucket, root, endpoint and limits; see <see cref="GcsStoreOptions"/>.</param>
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
        // The client wraps a service made here rather than by StorageClientBuilder: the builder has no request timeout,
        // no place for the retry policy (tries and backoff for every request, upload chunks included), and gzips request
        // bodies, which the emulator cannot read.
        var service = new StorageService(new BaseClientService.Initializer
        {
            BaseUri = new Uri(endpoint, ApiPath).ToString(),
            HttpClientInitializer = new RetryingInitializer(options.Anonymous ? null : LoadCredential(), options.MaxRetries + 1),
            HttpClientFactory = new GcsHttpClientFactory(options.ConnectTimeout),
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            HttpClientTimeout = options.RequestTimeout,
            GZipEnabled = false,
            ApplicationName = "bronze",
        });
        _client = new StorageClientImpl(service);
        _uploader = new GcsUploader(_client, _options);
        Description = options.Description;
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
            return await _uploader.PutAsync(key, name, upload, $"uploading {Describe(key)}", cancellationToken).ConfigureAwait(false);
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
            return await _uploader.PutAsync(key, name, upload, $"uploading {Describe(key)}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        string name = ObjectName(key, readable: true);
        try
        {
            GcsObject item = await _client.GetObjectAsync(_options.Bucket, name, new GetObjectOptions { RetryOptions = RetryOptions.Never }, cancellationToken)
                .ConfigureAwait(false);
            return new ObjectInfo(key, SizeOf(item, Describe(key)));
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (GcsErrors.IsStoreFailure(e))
        {
            throw GcsErrors.FromException(e, Describe(key), cancellationToken);
        }
    }

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        return GcsMediaDownload.OpenAsync(_client.Service, _options.Bucket, ObjectName(key, readable: true), Describe(key), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        string name = ObjectName(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > 0)
            return await GcsMediaDownload.ReadRangeAsync(_client.Service, _options.Bucket, name, offset, length, Describe(key), cancellationToken).ConfigureAwait(false);

        // No range can ask for zero bytes; the key must still exist.
        return await StatAsync(key, cancellationToken).ConfigureAwait(false) is null ? throw BronzeException.NotFound(Describe(key)) : [];
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        string namePrefix = ObjectKey.Join(_options.Root, prefix);
        int rootLength = _options.Root.Length == 0 ? 0 : _options.Root.Length + 1;
        string what = $"listing {Description} under '{prefix}'";
        var options = new ListObjectsOptions { PageSize = _options.ListPageSize, Fields = "items(name,size),nextPageToken", RetryOptions = RetryOptions.Never };
        IAsyncEnumerator<Objects> pages = _client.ListObjectsAsync(_options.Bucket, namePrefix, options).AsRawResponses().GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (await NextPageAsync(pages, what, cancellationToken).ConfigureAwait(false))
            {
                List<ObjectInfo> items = [];
                foreach (GcsObject item in pages.Current.Items ?? [])
                {
                    if (item.Name is null || !item.Name.StartsWith(namePrefix, StringComparison.Ordinal)) continue;
                    items.Add(new ObjectInfo(item.Name[rootLength..], SizeOf(item, what)));
                }

                // Cloud Storage lists in name order already; sorting a page costs nothing then and guards the contract.
                items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                foreach (ObjectInfo info in items) yield return info;
            }
        }
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _client.Dispose();

    private static async Task<bool> NextPageAsync(IAsyncEnumerator<Objects> pages, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await pages.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (GcsErrors.IsStoreFailure(e))
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
        }
    }

    private static long SizeOf(GcsObject item, string what) =>
        item.Size is ulong size and <= long.MaxValue
            ? (long)size
            : throw new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server sent no readable size.");

    /// <summary>
    /// Checks the key and returns the object's name in the bucket; Cloud Storage allows at most 1,024 bytes (keys are
    /// ASCII, so characters are bytes). Keys only read may name a hidden object (<see cref="ObjectKey.ValidateReadable"/>).
    /// </summary>
    private string ObjectName(string key, bool readable = false)
    {
        string name = ObjectKey.Join(_options.Root, readable ? ObjectKey.ValidateReadable(key) : ObjectKey.Validate(key));
        if (name.Length > ObjectKey.MaxLength)
        {
            throw BronzeException.Invalid(
                "key", $"be at most {ObjectKey.MaxLength - name.Length + key.Length} characters under the root '{_options.Root}' (Cloud Storage names are at most 1,024 bytes)", key);
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
