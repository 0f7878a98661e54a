using Bronze.Gcs.Hashing;
using Bronze.Storage;
using Bronze.Testing.Streams;
using static Bronze.Gcs.Tests.Scripted.ScriptedGcs;

namespace Bronze.Gcs.Tests.Scripted;

/// <summary>
/// How a put that cannot finish fails: the caller's own stream failing is reported as that failure (not as a network
/// error worth retrying), a cancellation as a cancellation even when the source broke with it, a retried final chunk
/// still carries exactly one crc32c, and the check after the upload follows the store's retries.
/// </summary>
public sealed class FailedPutTests
{
    private const string Name = "k";
    private const int Chunk = GcsStoreOptions.ChunkSizeUnit;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SourceStreamFails_ThrowsItsOwnErrorCancelsTheSessionAndStoresNothing()
    {
        using var server = new ScriptedGcs();
        var content = new ScriptedReadStream(new byte[3 * Chunk], maxRead: 4096, triggerAt: Chunk + 10, trigger: () => throw new IOException("the source broke"));

        IOException error = await Assert.ThrowsAsync<IOException>(() => PutAsync(server, content, Ct));

        Assert.Equal("the source broke", error.Message);
        Assert.Equal(Kind.Cancel, server.Kinds[^1]);
        Assert.Empty(server.Objects);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CancelledAndTheSourceBreaksWithIt_ThrowsOperationCanceled()
    {
        using var server = new ScriptedGcs();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var content = new ScriptedReadStream(new byte[3 * Chunk], maxRead: 4096, triggerAt: Chunk + 10, trigger: () =>
        {
            stop.Cancel();
            throw new IOException("the source was closed by the cancellation");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PutAsync(server, content, stop.Token));

        Assert.Empty(server.Objects);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_FinalChunkRetried_EachAttemptCarriesExactlyOneCrc32C()
    {
        byte[] data = [1, 2, 3, 4, 5];
        int finals = 0;
        using var server = new ScriptedGcs((request, s) => request.IsFinal && ++finals == 1 ? Answer.Error(503, "Backend Error") : s.Honest(request));

        PutResult result = await PutAsync(server, new MemoryStream(data), Ct, maxRetries: 1);

        Assert.True(result.Created);
        string expected = "crc32c=" + Crc32C.ToBase64(Crc32C.Compute(data));
        string[] finalHeaders = [.. server.Requests.Where(r => r.IsFinal).Select(r => r.HashHeader)];
        Assert.True(finalHeaders.Length >= 2, string.Join("; ", finalHeaders));
        Assert.All(finalHeaders, header => Assert.Equal(expected, header));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public async Task PutIfAbsentAsync_CheckAfterTheUploadFails_TriesAsOftenAsTheStoresRetriesAllowThenThrowsTransient(int maxRetries, int gets)
    {
        using var server = new ScriptedGcs((request, s) => request.Kind == Kind.Stat ? Answer.Error(503, "Backend Error") : s.Honest(request));

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, new MemoryStream([1, 2, 3]), Ct, maxRetries));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Equal(gets, server.Kinds.Count(k => k == Kind.Stat));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CheckAfterTheUploadFailsTwiceThenAnswers_RetriesAfterTheStoresBackoffOnly()
    {
        // The store's backoff waits 1 s, then 2 s (each +-250 ms: Google.Apis' ExponentialBackOff) before the two
        // retries: 2.5 to 3.5 s from the first try to the third. Were the client library's own retry policy on as well,
        // it would wait another 1 + 2 s between the same tries (5.5 s at least); 4.5 s leaves a second either side.
        var stats = new List<DateTime>();
        using var server = new ScriptedGcs((request, s) =>
        {
            if (request.Kind != Kind.Stat) return s.Honest(request);
            int tries;
            lock (stats)
            {
                stats.Add(DateTime.UtcNow);
                tries = stats.Count;
            }

            return tries <= 2 ? Answer.Error(503, "Backend Error") : s.Honest(request);
        });

        PutResult result = await PutAsync(server, new MemoryStream([1, 2, 3]), Ct, maxRetries: 2);

        Assert.True(result.Created);
        Assert.Equal(3, stats.Count);
        TimeSpan first = stats[1] - stats[0], second = stats[2] - stats[1];
        Assert.True(first >= TimeSpan.FromMilliseconds(750) && second >= TimeSpan.FromMilliseconds(1750), $"waited {first}, then {second}");
        Assert.True(first + second < TimeSpan.FromSeconds(4.5), $"waited {first}, then {second}");
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_TheMostRetriesAllowedAndOneRefusal_RetriesAndStores()
    {
        // The most retries allowed: Google's HTTP client refuses more than 20 tries, its backoff more than 20 retries.
        int refused = 0;
        using var server = new ScriptedGcs((request, s) =>
            request.Kind == Kind.Initiate && Interlocked.Increment(ref refused) == 1 ? Answer.Error(503, "Backend Error") : s.Honest(request));

        PutResult result = await PutAsync(server, new MemoryStream([1, 2, 3]), Ct, maxRetries: Bronze.Locations.BucketStoreOptions.MaxRetriesLimit);

        Assert.True(result.Created);
        Assert.Equal(2, server.Kinds.Count(k => k == Kind.Initiate));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_MissingFile_ThrowsNotFoundNamingTheFileBeforeAnyRequest()
    {
        using var server = new ScriptedGcs();
        string missing = Path.Join(Path.GetTempPath(), "bronze-missing-" + Guid.NewGuid().ToString("N"));
        using var store = new GcsStore(server.StoreOptions());

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync(Name, missing, Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
        Assert.Contains($"file '{missing}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static async Task<PutResult> PutAsync(ScriptedGcs server, Stream content, CancellationToken cancellationToken, int maxRetries = 0)
    {
        using var store = new GcsStore(server.StoreOptions() with { MaxRetries = maxRetries, ChunkSize = Chunk });
        return await store.PutIfAbsentAsync(Name, content, cancellationToken);
    }
}
