using Bronze.Gcs.Hashing;
using Bronze.Gcs.Upload;

namespace Bronze.Gcs.Tests.Upload;

public sealed class Crc32CHeaderInterceptorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InterceptAsync_RunTwiceOnOneRequest_LeavesExactlyOneCrc32COfTheBytesSent()
    {
        byte[] data = [1, 2, 3, 4, 5, 6, 7];
        await using var content = new StreamUploadContent(new MemoryStream(data));
        await content.Body.CopyToAsync(Stream.Null, Ct);
        var interceptor = new Crc32CHeaderInterceptor(content);
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1/upload");

        // a request the HTTP stack sends again (a retry) goes through its interceptors again
        await interceptor.InterceptAsync(request, Ct);
        await interceptor.InterceptAsync(request, Ct);

        Assert.Equal(["crc32c=" + Crc32C.ToBase64(Crc32C.Compute(data))], request.Headers.GetValues("x-goog-hash"));
    }
}
