using Bronze.Gcs.Upload;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Upload;

public sealed class StreamUploadContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_CallersStream_ReleasesTheBodyAndLeavesTheCallersStreamOpen()
    {
        using var callers = new MemoryStream(TestBytes.Create(100, seed: 1));
        var content = new StreamUploadContent(callers);

        await content.DisposeAsync();

        // the body's hashing is released, so it reads no more; the stream stays the caller's to read on and dispose
        await Assert.ThrowsAsync<ObjectDisposedException>(() => content.Body.ReadAsync(new byte[10], Ct).AsTask());
        Assert.True(callers.CanRead);
    }
}
