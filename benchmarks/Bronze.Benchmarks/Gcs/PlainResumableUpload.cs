using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Bronze.Benchmarks.Gcs;

/// <summary>
/// The peer of GcsStore's put: the JSON API's resumable upload protocol with nothing but HttpClient (one session,
/// the same chunk size, no hashing, no checks), so that the ratio shows what the store adds over the wire protocol.
/// </summary>
internal sealed class PlainResumableUpload(HttpClient http, string bucket, int chunkSize)
{
    /// <summary>Uploads the file and returns the number of bytes sent.</summary>
    public async Task<long> UploadAsync(string name, string path, CancellationToken cancellationToken)
    {
        await using FileStream file = File.OpenRead(path);
        long total = file.Length;
        string initiate = $"upload/storage/v1/b/{bucket}/o?uploadType=resumable&ifGenerationMatch=0&name={Uri.EscapeDataString(name)}";
        using var start = new HttpRequestMessage(HttpMethod.Post, initiate) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        start.Headers.Add("X-Upload-Content-Length", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using HttpResponseMessage started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        Uri session = started.Headers.Location ?? throw new InvalidOperationException("The server sent no session URI.");

        byte[] buffer = new byte[chunkSize];
        long sent = 0;
        do
        {
            int length = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var content = new ByteArrayContent(buffer, 0, length);
            content.Headers.ContentRange = length == 0
                ? new ContentRangeHeaderValue(total)
                : new ContentRangeHeaderValue(sent, sent + length - 1, total);
            using var put = new HttpRequestMessage(HttpMethod.Put, session) { Content = content };
            using HttpResponseMessage response = await http.SendAsync(put, cancellationToken);
            sent += length;
            bool done = sent == total;
            if (done ? !response.IsSuccessStatusCode : response.StatusCode != (HttpStatusCode)308)
                throw new InvalidOperationException($"Chunk ending at {sent} got HTTP {(int)response.StatusCode}.");
        }
        while (sent < total);

        return sent;
    }
}
