using System.Net;
using System.Net.Sockets;
using Bronze.Storage;
using static Bronze.Gcs.Tests.Scripted.ScriptedGcs;

namespace Bronze.Gcs.Tests.Scripted;

/// <summary>
/// What a failed put tells its caller: the kind of error, whether retrying may help, and the server's own words, for
/// each class of answer Cloud Storage gives, an endpoint that does not answer, and one that answers too late.
/// </summary>
public sealed class ErrorMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(401, BronzeErrorKind.StoreFailure, false, "permission denied (HTTP 401)")]
    [InlineData(403, BronzeErrorKind.StoreFailure, false, "permission denied (HTTP 403)")]
    [InlineData(404, BronzeErrorKind.NotFound, false, "not found (HTTP 404)")]
    [InlineData(400, BronzeErrorKind.StoreFailure, false, "the server refused the request (HTTP 400)")]
    [InlineData(408, BronzeErrorKind.StoreFailure, true, "the server failed (HTTP 408)")]
    [InlineData(429, BronzeErrorKind.StoreFailure, true, "the server failed (HTTP 429)")]
    [InlineData(500, BronzeErrorKind.StoreFailure, true, "the server failed (HTTP 500)")]
    [InlineData(503, BronzeErrorKind.StoreFailure, true, "the server failed (HTTP 503)")]
    public async Task PutAsync_SessionStartRefused_ThrowsTheKindTheStatusMeansWithTheServersMessage(
        int status, BronzeErrorKind kind, bool transient, string words)
    {
        using var server = new ScriptedGcs((request, s) => Answer.Error(status, "  the server's own words  "));

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server.Endpoint));

        Assert.Equal((kind, transient), (error.Kind, error.IsTransient));
        Assert.Contains($"uploading object 'k' in gs://bucket: {words}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": the server's own words", error.Message, StringComparison.Ordinal);
        Assert.Equal([Kind.Initiate], server.Kinds);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_NothingListensOnTheEndpoint_ThrowsTransientCouldNotBeReached()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(endpoint));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Contains("the server could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_ServerAnswersAfterTheRequestTimeout_ThrowsTransientTimedOut()
    {
        using var server = new ScriptedGcs((request, s) =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(3));
            return s.Honest(request);
        });

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server.Endpoint, TimeSpan.FromSeconds(1)));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Contains("the request timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_CancelledWhileTheServerIsSlow_ThrowsOperationCanceled()
    {
        using var server = new ScriptedGcs((request, s) =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            return s.Honest(request);
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PutAsync(server.Endpoint, cancellationToken: stop.Token));
    }

    private static async Task<PutResult> PutAsync(Uri endpoint, TimeSpan? requestTimeout = null, CancellationToken? cancellationToken = null)
    {
        var options = new GcsStoreOptions { Bucket = "bucket", Endpoint = endpoint, Anonymous = true, MaxRetries = 0 };
        using var store = new GcsStore(requestTimeout is { } timeout ? options with { RequestTimeout = timeout } : options);
        return await store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), cancellationToken ?? Ct);
    }
}
