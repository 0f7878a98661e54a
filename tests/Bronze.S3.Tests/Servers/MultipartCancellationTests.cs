using Bronze.S3.Client;
using Bronze.S3.Tests.Support;
using Bronze.S3.Upload;
using Bronze.Storage;
using Bronze.Testing;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// A part fails while the reader waits for the next bytes: the part's failure is what the put reports, unless the
/// caller cancelled at the same time, when the cancellation is (the caller asked to stop; the failure is moot), or the
/// source itself broke, when the source's error is (it is not a consequence of the part's). The upload is aborted
/// either way. A refused start names the start and sends nothing else. And an empty source still uploads one (empty)
/// part, since S3 completes no upload without parts. Every part buffer goes back to the pool exactly once, whatever
/// failed. Drives <see cref="MultipartPut"/> directly, so the source stream can wait on the reader's token.
/// </summary>
public sealed class MultipartCancellationTests
{
    private const int PartSize = 5 << 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UploadAsync_PartFailsWhileTheCallerCancels_CancellationWinsElseThePartsFailure(bool callerCancels)
    {
        using var abortSent = new ManualResetEventSlim();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using var source = new OnePartThenWaitStream(
            TestBytes.Create(PartSize, seed: 9),
            onStopped: callerCancels ? caller.Cancel : () => { },
            // The reader is released first; the failing part (whose cancel runs this) is then kept from faulting until
            // the put aborts, 3 s at most. A put that chose its error before waiting for its parts finds no failed part.
            holdCanceller: callerCancels ? null : () => abortSent.Wait(TimeSpan.FromSeconds(3)));
        using var server = new ScriptedS3(r => r.HttpMethod switch
        {
            "POST" => Answer.UploadStarted,
            // Part 1 fails only once the reader waits for part 2's bytes.
            "PUT" when source.Waiting.Wait(TimeSpan.FromSeconds(15)) => new Answer(403, ErrorCode: "AccessDenied"),
            "DELETE" => Aborted(abortSent),
            _ => new Answer(501),
        });
        using var context = new S3Context(server.StoreOptions() with { ConditionalMultipart = true, PartSize = PartSize, MaxParallelParts = 2 });
        using var buffers = new PooledBufferLedger(PartSize);

        Exception error = await Assert.ThrowsAnyAsync<Exception>(
            () => MultipartPut.UploadAsync(context, "k", source, 2L * PartSize, known: null, caller.Token));

        if (callerCancels) Assert.IsType<OperationCanceledException>(error, exactMatch: false);
        else
        {
            var refused = Assert.IsType<BronzeException>(error);
            Assert.Equal("credentials", refused.Field);
            Assert.StartsWith("uploading part 1 of 'k' to s3://bucket failed: AccessDenied (HTTP 403)", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "DELETE ?uploadId=u1"], server.Requests);
        Assert.Equal((2, 0), (buffers.Rented, buffers.Outstanding)); // part 1's, and the one part 2 was being read into
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadAsync_SourceFailsAsAPartFails_ThrowsTheSourcesErrorAndAbortsTheUpload()
    {
        // The reader's token fires when part 1 fails; the source then breaks on its own rather than cancel.
        using var source = new OnePartThenWaitStream(TestBytes.Create(PartSize, seed: 9), onStopped: () => throw new IOException("the source broke"));
        using var server = new ScriptedS3(r => r.HttpMethod switch
        {
            "POST" => Answer.UploadStarted,
            "PUT" when source.Waiting.Wait(TimeSpan.FromSeconds(15)) => new Answer(403, ErrorCode: "AccessDenied"),
            "DELETE" => new Answer(204),
            _ => new Answer(501),
        });
        using var context = new S3Context(server.StoreOptions() with { ConditionalMultipart = true, PartSize = PartSize, MaxParallelParts = 2 });
        using var buffers = new PooledBufferLedger(PartSize);

        IOException error = await Assert.ThrowsAsync<IOException>(
            () => MultipartPut.UploadAsync(context, "k", source, 2L * PartSize, known: null, Token));

        Assert.Equal("the source broke", error.Message);
        Assert.Equal(["POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "DELETE ?uploadId=u1"], server.Requests);
        Assert.Equal((2, 0), (buffers.Rented, buffers.Outstanding)); // part 1's, and the one the failed read was filling
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadAsync_StartRefused_ThrowsNamingTheStartAndSendsNothingElse()
    {
        using var server = new ScriptedS3(_ => new Answer(403, ErrorCode: "AccessDenied"));
        using var context = new S3Context(server.StoreOptions() with { ConditionalMultipart = true, PartSize = PartSize });

        var error = await Assert.ThrowsAsync<BronzeException>(
            () => MultipartPut.UploadAsync(context, "k", new MemoryStream([1, 2, 3]), 3, known: null, Token));

        Assert.StartsWith("starting a multipart upload of 'k' to s3://bucket failed: AccessDenied (HTTP 403)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["POST ?uploads"], server.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadAsync_EmptySource_UploadsOneEmptyPartThenCompletes()
    {
        using var server = new ScriptedS3(Completing);
        using var context = new S3Context(server.StoreOptions() with { ConditionalMultipart = true, PartSize = PartSize });

        (PutOutcome outcome, _) = await MultipartPut.UploadAsync(context, "k", new MemoryStream(), 0, known: null, Token);

        Assert.Equal(PutOutcome.Created, outcome);
        Assert.Equal(["POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "POST ?uploadId=u1"], server.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadAsync_MorePartsThanBuffers_ReusesEachBufferInTurnAndCompletes()
    {
        using var server = new ScriptedS3(Completing);
        using var context = new S3Context(server.StoreOptions() with { ConditionalMultipart = true, PartSize = PartSize, MaxParallelParts = 1 });
        // A buffer never given back leaves the reader waiting for ever: stop it and fail rather than hang.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bounded.CancelAfter(TimeSpan.FromSeconds(15));
        using var buffers = new PooledBufferLedger(PartSize);

        (PutOutcome outcome, _) = await MultipartPut.UploadAsync(
            context, "k", new MemoryStream(TestBytes.Create((2 * PartSize) + 1, seed: 4)), (2L * PartSize) + 1, known: null, bounded.Token);

        Assert.Equal(PutOutcome.Created, outcome);
        Assert.Equal(
            ["POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "PUT ?partNumber=2&uploadId=u1", "PUT ?partNumber=3&uploadId=u1", "POST ?uploadId=u1"],
            server.Requests);
        Assert.Equal((4, 0), (buffers.Rented, buffers.Outstanding)); // three parts, then the read that found the end
    }

    /// <summary>Starts the upload, takes every part, completes it.</summary>
    private static Answer Completing(System.Net.HttpListenerRequest request) => request.HttpMethod switch
    {
        "POST" when request.Url!.Query.Contains("uploads", StringComparison.Ordinal) => Answer.UploadStarted,
        "POST" => new Answer(200, Body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key></CompleteMultipartUploadResult>"),
        "PUT" => new Answer(200),
        _ => new Answer(501),
    };

    /// <summary>Answers an abort, and says it came.</summary>
    private static Answer Aborted(ManualResetEventSlim abortSent)
    {
        abortSent.Set();
        return new Answer(204);
    }

    /// <summary>
    /// Gives one part's bytes, then waits on the reader's token. When that token fires, on the thread that cancels it:
    /// <c>onStopped</c> runs (it may throw the source's own error instead of the cancellation), the reader is released
    /// to go on elsewhere, and <c>holdCanceller</c> then keeps the cancelling thread (the failing part's) busy.
    /// </summary>
    private sealed class OnePartThenWaitStream(byte[] part, Action onStopped, Action? holdCanceller = null) : Stream
    {
        private int _position;

        /// <summary>Set once the reader waits for the bytes after the first part.</summary>
        public ManualResetEventSlim Waiting { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < part.Length)
            {
                int count = Math.Min(buffer.Length, part.Length - _position);
                part.AsMemory(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            var stopped = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            CancellationTokenRegistration registration = cancellationToken.Register(() =>
            {
                try
                {
                    onStopped();
                    stopped.TrySetCanceled(cancellationToken);
                }
                catch (Exception error)
                {
                    stopped.TrySetException(error);
                }

                holdCanceller?.Invoke();
            });
            Waiting.Set();
            try
            {
                return await stopped.Task.ConfigureAwait(false);
            }
            finally
            {
                // Not Dispose: that waits for a callback still running, which holdCanceller may be keeping busy.
                registration.Unregister();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Waiting.Dispose();
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
