using Amazon.S3.Model;
using Bronze.S3.Client;
using Bronze.S3.Tests.Support;
using Bronze.S3.Upload;
using Bronze.Storage;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Upload;

/// <summary>
/// The retry loop of <see cref="ConditionalWrite"/>, driven directly against a scripted endpoint with a clock that
/// records each wait instead of sleeping: the backoff before every retry, the error once retries run out, and the
/// text of the failures it reports. Each call is bounded (15 s), so a loop that never stops fails instead of hanging.
/// </summary>
public sealed class ConditionalWriteRetryTests
{
    private const string WriteId = "w1";
    private const string ExpectedETag = "\"0123456789abcdef0123456789abcdef\"";

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_TransientAnswersUntilRetriesRunOut_WaitsTheBackoffBeforeEachRetry()
    {
        using var server = new ScriptedS3(_ => new Answer(503, ErrorCode: "ServiceUnavailable"));
        var clock = new RecordingClock();
        using var context = new S3Context(server.StoreOptions() with { MaxRetries = 3 }) { Time = clock };

        var error = await Assert.ThrowsAsync<BronzeException>(() => RunAsync(context));

        Assert.True(error.IsTransient);
        Assert.Equal(["PUT", "PUT", "PUT", "PUT"], server.Methods);
        // About 100 ms, 200 ms, 400 ms, each with jitter over its upper half (ConditionalWrite.Backoff).
        Assert.Collection(
            clock.Waits,
            w => Assert.InRange(w.TotalMilliseconds, 50, 100),
            w => Assert.InRange(w.TotalMilliseconds, 100, 200),
            w => Assert.InRange(w.TotalMilliseconds, 200, 400));
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_409UntilRetriesRunOutAndKeyMissing_ThrowsTransientSayingNothingWasWritten()
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD"
            ? new Answer(404)
            : new Answer(409, ErrorCode: "ConditionalRequestConflict"));
        var clock = new RecordingClock();
        using var context = new S3Context(server.StoreOptions() with { MaxRetries = 2 }) { Time = clock };

        var error = await Assert.ThrowsAsync<BronzeException>(() => RunAsync(context));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Equal(
            "S3: writing 'k' to s3://bucket: every attempt conflicted with another write of the key (409) and the key still does not "
            + "exist; nothing was written, retry later.",
            error.Message);
        Assert.Equal(["PUT", "PUT", "PUT", "HEAD"], server.Methods);
        Assert.Equal(2, clock.Waits.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_412AndTheHeadFails_ThrowsTheHeadsFailureNamingTheCheck()
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(400) : new Answer(412, ErrorCode: "PreconditionFailed"));
        using var context = new S3Context(server.StoreOptions()) { Time = new RecordingClock() };

        var error = await Assert.ThrowsAsync<BronzeException>(() => RunAsync(context));

        Assert.StartsWith("checking 'k' in s3://bucket failed: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(["PUT", "HEAD"], server.Methods);
    }

    private static async Task<PutOutcome> RunAsync(S3Context context)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(15));
        return await ConditionalWrite.RunAsync(
            context, "k", WriteId, ExpectedETag, context.Deadline(),
            t => context.WriteClient.PutObjectAsync(
                new PutObjectRequest { BucketName = "bucket", Key = "k", ContentBody = "x", IfNoneMatch = "*" }, t),
            bounded.Token);
    }

    /// <summary>Records the length of each wait and ends it at once.</summary>
    private sealed class RecordingClock : TimeProvider
    {
        private readonly List<TimeSpan> _waits = [];

        public IReadOnlyList<TimeSpan> Waits
        {
            get
            {
                lock (_waits) return [.. _waits];
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_waits) _waits.Add(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
