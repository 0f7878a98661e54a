using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Tests.Emulator;

/// <summary>
/// What the launcher adds to the emulator, checked with plain HTTP so that these tests do not depend on the store:
/// a corrupted upload is refused and leaves no object, chunks before the final one are not visible, and the
/// resumable protocol answers 308 with the persisted range.
/// </summary>
public sealed class EmulatorProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, HttpStatusCode.BadRequest, HttpStatusCode.NotFound)]
    [InlineData(false, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task FinalChunk_Crc32C_IsVerifiedBeforeAnythingIsPublished(bool corrupt, HttpStatusCode upload, HttpStatusCode stat)
    {
        using var http = new HttpClient { BaseAddress = GcsEmulator.Endpoint() };
        string name = "crc-" + Guid.NewGuid().ToString("N");
        byte[] data = Encoding.ASCII.GetBytes("bytes whose checksum is sent with the final chunk");
        Uri session = await StartSessionAsync(http, name);
        uint crc = Crc32C.Compute(data) ^ (corrupt ? 1u : 0u);

        using HttpResponseMessage response = await PutChunkAsync(http, session, data, $"bytes 0-{data.Length - 1}/{data.Length}", crc);

        Assert.Equal(upload, response.StatusCode);
        Assert.Equal(stat, await StatusOfObjectAsync(http, name));
    }

    [Fact]
    public async Task FirstOfSeveralChunks_Returns308WithRangeAndPublishesNothing()
    {
        using var http = new HttpClient { BaseAddress = GcsEmulator.Endpoint() };
        string name = "partial-" + Guid.NewGuid().ToString("N");
        const int Unit = GcsStoreOptions.ChunkSizeUnit;
        byte[] chunk = new byte[Unit];
        Uri session = await StartSessionAsync(http, name);

        using HttpResponseMessage response = await PutChunkAsync(http, session, chunk, $"bytes 0-{Unit - 1}/{3 * Unit}", crc32c: null);

        Assert.Equal((HttpStatusCode)308, response.StatusCode);
        Assert.Equal($"bytes=0-{Unit - 1}", Assert.Single(response.Headers.GetValues("Range")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfObjectAsync(http, name));
    }

    [Fact]
    public async Task Initiate_ExistingObjectWithIfGenerationMatchZero_Returns412()
    {
        using var http = new HttpClient { BaseAddress = GcsEmulator.Endpoint() };
        string name = "exists-" + Guid.NewGuid().ToString("N");
        byte[] data = [1, 2, 3];
        Uri first = await StartSessionAsync(http, name);
        using (HttpResponseMessage created = await PutChunkAsync(http, first, data, "bytes 0-2/3", crc32c: null))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        using HttpResponseMessage second = await SendInitiateAsync(http, name);

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
    }

    private static async Task<Uri> StartSessionAsync(HttpClient http, string name)
    {
        using HttpResponseMessage response = await SendInitiateAsync(http, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Location ?? throw new InvalidOperationException("no session URI");
    }

    private static Task<HttpResponseMessage> SendInitiateAsync(HttpClient http, string name)
    {
        string path = $"upload/storage/v1/b/{GcsEmulator.Bucket}/o?uploadType=resumable&ifGenerationMatch=0&name={Uri.EscapeDataString(name)}";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        return http.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PutChunkAsync(HttpClient http, Uri session, byte[] data, string contentRange, uint? crc32c)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentRange = ContentRangeHeaderValue.Parse(contentRange);
        var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = content };
        if (crc32c is uint crc) request.Headers.TryAddWithoutValidation("x-goog-hash", "crc32c=" + Crc32C.ToBase64(crc));
        return http.SendAsync(request, Ct);
    }

    private static async Task<HttpStatusCode> StatusOfObjectAsync(HttpClient http, string name)
    {
        using HttpResponseMessage response = await http.GetAsync($"storage/v1/b/{GcsEmulator.Bucket}/o/{Uri.EscapeDataString(name)}", Ct);
        return response.StatusCode;
    }
}
