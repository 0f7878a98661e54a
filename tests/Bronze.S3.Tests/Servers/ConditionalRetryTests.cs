using Bronze.S3.Tests.Support;
using Bronze.S3.Upload;
using Bronze.Storage;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// When a conditional write is retried and when it is not: a transient answer is retried up to the store's retries, a
/// 403 SignatureDoesNotMatch only while a signed HEAD with the same credentials passes, anything else never. The
/// writes go through the write client, which the SDK does not retry, so every attempt is seen by the scripted endpoint.
/// </summary>
public sealed class ConditionalRetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(500, "SomethingUnlisted")] // any 5xx
    [InlineData(429, "SomethingUnlisted")]
    [InlineData(400, "RequestTimeout")] // a transient code whatever the status
    [InlineData(409, "ConditionalRequestConflict")] // another conditional write of the key was in flight
    [InlineData(409, "OperationAborted")]
    public async Task PutIfAbsentAsync_TransientAnswerThenWritten_RetriesAndReportsCreated(int status, string code)
    {
        int puts = 0;
        using var server = new ScriptedS3(r => ++puts == 1 ? new Answer(status, ErrorCode: code) : new Answer(200));

        PutResult result = await PutAsync(server, maxRetries: 1);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["PUT", "PUT"], server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_TransientAnswersUntilRetriesRunOut_ThrowsTransientAfterEveryAttempt()
    {
        using var server = new ScriptedS3(_ => new Answer(503, ErrorCode: "ServiceUnavailable"));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, maxRetries: 2));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Equal(["PUT", "PUT", "PUT"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(403, "AccessDenied", "credentials", "Check the credentials")]
    [InlineData(403, "SomethingUnlisted", "credentials", "Check the credentials")] // any 403
    [InlineData(400, "InvalidArgument", null, "")]
    [InlineData(409, "BucketNotEmpty", null, "")] // a 409 that is not a conditional conflict
    public async Task PutIfAbsentAsync_PermanentRefusal_ThrowsTheServersAnswerWithoutRetrying(int status, string code, string? field, string hint)
    {
        using var server = new ScriptedS3(_ => new Answer(status, ErrorCode: code));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, maxRetries: 2));

        Assert.Equal((BronzeErrorKind.StoreFailure, false, field), (error.Kind, error.IsTransient, error.Field));
        Assert.StartsWith($"writing 'k' to s3://bucket failed: {code} (HTTP {status}): scripted. {hint}".TrimEnd(), error.Message, StringComparison.Ordinal);
        Assert.Equal(["PUT"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("BadDigest")]
    [InlineData("XAmzContentSHA256Mismatch")]
    public async Task PutIfAbsentAsync_ServerRefusesTheBytesAsCorrupted_ThrowsIntegrityMismatchWithoutRetrying(string code)
    {
        using var server = new ScriptedS3(_ => new Answer(400, ErrorCode: code));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, maxRetries: 2));

        Assert.Equal((BronzeErrorKind.IntegrityMismatch, false), (error.Kind, error.IsTransient));
        Assert.Equal(["PUT"], server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_412WithoutAnErrorBody_IsStillAlreadyExists()
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD"
            ? new Answer(200, new Dictionary<string, string> { ["x-amz-meta-bronze-write-id"] = "another-writer" })
            : new Answer(412));

        PutResult result = await PutAsync(server, maxRetries: 0);

        Assert.Equal(PutOutcome.AlreadyExists, result.Outcome);
        Assert.Equal(["PUT", "HEAD"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(404)] // the signed HEAD passes (the key is missing): the credentials work, so the write is retried
    [InlineData(200)]
    public async Task PutIfAbsentAsync_SignatureMismatchWhileASignedHeadPasses_RetriesTheWrite(int headStatus)
    {
        int puts = 0;
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD"
            ? new Answer(headStatus)
            : ++puts == 1 ? new Answer(403, ErrorCode: "SignatureDoesNotMatch") : new Answer(200));

        PutResult result = await PutAsync(server, maxRetries: 1);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["PUT", "HEAD", "PUT"], server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SignatureMismatchAndTheSignedHeadIsRefused_ThrowsNamingTheCredentials()
    {
        using var server = new ScriptedS3(r => new Answer(403, ErrorCode: "SignatureDoesNotMatch"));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, maxRetries: 2));

        Assert.Equal((BronzeErrorKind.StoreFailure, "credentials"), (error.Kind, error.Field));
        Assert.Equal(["PUT", "HEAD"], server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SignatureMismatchOnTheLastAttempt_ThrowsWithoutAHead()
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(404) : new Answer(403, ErrorCode: "SignatureDoesNotMatch"));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, maxRetries: 0));

        Assert.Equal("credentials", error.Field);
        Assert.Equal(["PUT"], server.Methods);
    }

    [Theory]
    [InlineData(0, 50, 100)]
    [InlineData(1, 100, 200)]
    [InlineData(3, 400, 800)]
    [InlineData(6, 2_500, 5_000)] // 6,400 ms capped at 5 s
    [InlineData(20, 2_500, 5_000)]
    public void Backoff_Retry_IsExponentialWithJitterCappedAtFiveSeconds(int retry, int atLeastMs, int atMostMs)
    {
        double[] delays = [.. Enumerable.Range(0, 200).Select(_ => ConditionalWrite.Backoff(retry).TotalMilliseconds)];

        Assert.All(delays, d => Assert.InRange(d, atLeastMs, atMostMs));
        // the jitter spreads over the upper half: some delays fall in each quarter of it
        Assert.Contains(delays, d => d < atLeastMs * 1.25);
        Assert.Contains(delays, d => d > atMostMs * 0.875);
    }

    private static async Task<PutResult> PutAsync(ScriptedS3 server, int maxRetries)
    {
        using var store = new S3Store(server.StoreOptions() with
        {
            MaxRetries = maxRetries,
        });
        // Bounded, so that a retry loop that never stops fails here rather than hang to the test's timeout.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bounded.CancelAfter(TimeSpan.FromSeconds(15));
        return await store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), bounded.Token);
    }
}
