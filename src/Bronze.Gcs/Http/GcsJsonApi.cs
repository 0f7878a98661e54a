using System.Globalization;
using System.Net;
using Bronze.Errors;
using Bronze.Gcs.Hashing;
using Bronze.Gcs.Json;

namespace Bronze.Gcs.Http;

/// <summary>The JSON API's read requests (object metadata, media download, list) on the client service's HTTP client.</summary>
internal sealed class GcsJsonApi
{
    private const string MetadataFields = "name,size,crc32c,generation";
    private readonly GcsClientService _service;
    private readonly string _bucketPath;

    public GcsJsonApi(GcsClientService service, string bucket)
    {
        _service = service;
        _bucketPath = "b/" + Uri.EscapeDataString(bucket) + "/o";
    }

    /// <summary>An object's metadata, or <see langword="null"/> when it does not exist.</summary>
    public async Task<GcsObject?> GetMetadataAsync(string name, string what, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(
            $"{ObjectPath(name)}?fields={MetadataFields}", HttpCompletionOption.ResponseContentRead, what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await GcsErrors.FromResponseAsync(response, what, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<GcsObject>(response, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens an object's bytes; the stream checks their crc32c and count when it reaches the end.</summary>
    public async Task<Stream> OpenMediaAsync(string name, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await SendAsync(
            $"{ObjectPath(name)}?alt=media", HttpCompletionOption.ResponseHeadersRead, what, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound) throw BronzeException.NotFound(what);
            if (!response.IsSuccessStatusCode) throw await GcsErrors.FromResponseAsync(response, what, cancellationToken).ConfigureAwait(false);
            uint crc = HashHeader.Crc32C(response)
                ?? throw new BronzeException(
                    BronzeErrorKind.IntegrityMismatch, $"{what}: the server sent no crc32c (x-goog-hash) to check the download against.");
            long? length = response.Content.Headers.ContentLength;
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new Crc32CCheckingStream(response, body, crc, length, what);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>One page of the objects whose names start with <paramref name="prefix"/>.</summary>
    public async Task<GcsObjectList> ListPageAsync(string prefix, int pageSize, string? pageToken, string what, CancellationToken cancellationToken)
    {
        string query = $"{_bucketPath}?prefix={Uri.EscapeDataString(prefix)}&maxResults={pageSize}&fields=items(name,size),nextPageToken";
        if (pageToken is not null) query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        using HttpResponseMessage response = await SendAsync(query, HttpCompletionOption.ResponseContentRead, what, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await GcsErrors.FromResponseAsync(response, what, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<GcsObjectList>(response, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the API's decimal-string size.</summary>
    public static long ParseSize(GcsObject item, string what) =>
        long.TryParse(item.Size, NumberStyles.None, CultureInfo.InvariantCulture, out long size)
            ? size
            : throw new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server sent an unreadable size \"{item.Size}\".");

    private string ObjectPath(string name) => _bucketPath + "/" + Uri.EscapeDataString(name);

    private async Task<HttpResponseMessage> SendAsync(
        string relative, HttpCompletionOption completion, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_service.BaseUri), relative));
        try
        {
            return await _service.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return _service.Serializer.Deserialize<T>(body)
                    ?? throw new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server sent an empty answer.");
            }
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server sent malformed JSON ({e.Message}).", innerException: e);
        }
    }
}
