using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
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

    /// <summary>
    /// Reads bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="length"/> - 1 of an object
    /// (fewer when it ends first, none past its end). The crc32c the server sends covers the whole object, so a range
    /// is not checked against it.
    /// </summary>
    public async Task<byte[]> ReadRangeAsync(string name, long offset, int length, string what, CancellationToken cancellationToken)
    {
        var range = new RangeHeaderValue(offset, offset + length - 1);
        using HttpResponseMessage response = await SendAsync(
            $"{ObjectPath(name)}?alt=media", HttpCompletionOption.ResponseHeadersRead, what, cancellationToken, range).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) throw BronzeException.NotFound(what);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return [];
        if (!response.IsSuccessStatusCode) throw await GcsErrors.FromResponseAsync(response, what, cancellationToken).ConfigureAwait(false);
        // A server may ignore the range and send the whole object (the emulator does when the range starts past the
        // end, where Cloud Storage answers 416): that is still a right answer when the object ends before the range.
        if (response.StatusCode != HttpStatusCode.PartialContent && offset > 0 && response.Content.Headers.ContentLength <= offset) return [];
        if (response.StatusCode != HttpStatusCode.PartialContent && offset > 0)
            throw new BronzeException(BronzeErrorKind.StoreFailure, $"{what}: the server ignored the byte range (status {(int)response.StatusCode}).");
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                byte[] bytes = new byte[length];
                int read = 0, n;
                while (read < length && (n = await body.ReadAsync(bytes.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0) read += n;
                return read == length ? bytes : bytes[..read];
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw GcsErrors.FromException(e, what, cancellationToken);
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
        string relative, HttpCompletionOption completion, string what, CancellationToken cancellationToken, RangeHeaderValue? range = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_service.BaseUri), relative));
        request.Headers.Range = range;
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
