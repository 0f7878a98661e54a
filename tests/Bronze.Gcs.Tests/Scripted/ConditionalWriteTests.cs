using System.Security.Cryptography;
using Bronze.Gcs.Hashing;
using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Gcs.Tests.Scripted.ScriptedGcs;

namespace Bronze.Gcs.Tests.Scripted;

/// <summary>
/// The decisions of GcsStore's put-if-absent that the emulator cannot be made to provoke: a final chunk that lands but
/// whose answer is lost (the retry gets 412 against this put's own object), another writer committing during the
/// upload, 5xx then success, and a server that reports success but stores other bytes or none. A scripted endpoint
/// answers, as Cloud Storage would unless a test says otherwise.
/// </summary>
public sealed class ConditionalWriteTests
{
    private const string Name = "k";
    private static readonly byte[] Content = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_ObjectExistsWhenTheSessionStarts_ReturnsAlreadyExistsWithTheHashesOfTheContent(bool fromFile)
    {
        using var server = new ScriptedGcs();
        server.Store(Name, [9, 9, 9], writeId: "another-writer");

        PutResult result = await PutAsync(server, fromFile);

        Assert.Equal(new PutResult(Name, PutOutcome.AlreadyExists, Content.Length, Sha256(Content)), result);
        Assert.Equal([Kind.Initiate], server.Kinds);
        Assert.Equal([9, 9, 9], server.Objects[Name].Bytes);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false, "another-writer")]
    [InlineData(true, "another-writer")]
    [InlineData(false, null)] // an object without Bronze's metadata
    public async Task PutAsync_AnotherWriterCommitsDuringTheUpload_ReturnsAlreadyExistsAndKeepsTheirObject(bool fromFile, string? theirWriteId)
    {
        using var server = new ScriptedGcs((request, s) =>
        {
            if (request.IsFinal) s.Store(Name, [9, 9, 9], writeId: theirWriteId);
            return s.Honest(request);
        });

        PutResult result = await PutAsync(server, fromFile);

        Assert.Equal(new PutResult(Name, PutOutcome.AlreadyExists, Content.Length, Sha256(Content)), result);
        Assert.Equal([Kind.Initiate, Kind.Chunk, Kind.Stat], server.Kinds);
        Assert.Equal([9, 9, 9], server.Objects[Name].Bytes);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_FinalChunkLandsButItsAnswerIsLost_ReportsCreatedWhenTheRetryGets412()
    {
        int finals = 0;
        using var server = new ScriptedGcs((request, s) =>
        {
            if (!request.IsFinal) return s.Honest(request);
            if (++finals > 1) return Answer.Error(412, "At least one of the pre-conditions you specified did not hold.");
            s.Honest(request);
            return Answer.Error(503, "Backend Error");
        });

        PutResult result = await PutAsync(server, fromFile: false, maxRetries: 2);

        Assert.Equal(new PutResult(Name, PutOutcome.Created, Content.Length, Sha256(Content)), result);
        Assert.Equal(Content, server.Objects[Name].Bytes);
        Assert.Equal([Kind.Initiate, Kind.Chunk, Kind.Chunk, Kind.Stat], server.Kinds);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_412AtCommitOverAnObjectWithThisPutsWriteIdButOtherBytes_ThrowsIntegrityMismatch()
    {
        using var server = new ScriptedGcs((request, s) =>
        {
            if (!request.IsFinal) return s.Honest(request);
            s.Store(Name, [9, 9, 9], writeId: s.Requests[0].WriteId);
            return Answer.Error(412, "At least one of the pre-conditions you specified did not hold.");
        });

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, fromFile: false));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_FinalChunk503ThenAccepted_RetriesAndReportsCreated(bool fromFile)
    {
        int finals = 0;
        using var server = new ScriptedGcs((request, s) =>
            request.IsFinal && ++finals == 1 ? Answer.Error(503, "Backend Error") : s.Honest(request));

        PutResult result = await PutAsync(server, fromFile, maxRetries: 2);

        Assert.Equal(new PutResult(Name, PutOutcome.Created, Content.Length, Sha256(Content)), result);
        Assert.Equal(Content, server.Objects[Name].Bytes);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_FinalChunk503AndNoRetries_ThrowsTransientAndCancelsTheSession()
    {
        using var server = new ScriptedGcs((request, s) => request.IsFinal ? Answer.Error(503, "Backend Error") : s.Honest(request));

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, fromFile: false, maxRetries: 0));

        Assert.Equal((BronzeErrorKind.StoreFailure, true), (error.Kind, error.IsTransient));
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal([Kind.Initiate, Kind.Chunk, Kind.Cancel], server.Kinds);
        Assert.Empty(server.Objects);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_ServerRefusesTheCrc32C_ThrowsWithoutRetryingAndCancelsTheSession(bool fromFile)
    {
        using var server = new ScriptedGcs((request, s) =>
            request.IsFinal ? Answer.Error(400, "Provided CRC32C \"AAAAAA==\" doesn't match calculated CRC32C.") : s.Honest(request));

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, fromFile, maxRetries: 2));

        Assert.Equal((BronzeErrorKind.StoreFailure, false), (error.Kind, error.IsTransient));
        Assert.Contains("CRC32C", error.Message, StringComparison.Ordinal);
        Assert.Equal([Kind.Initiate, Kind.Chunk, Kind.Cancel], server.Kinds);
        Assert.Empty(server.Objects);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false, 0, 0u)]
    [InlineData(false, 1, 1u)]
    [InlineData(true, 0, 1u)]
    [InlineData(true, -1, 0u)]
    public async Task PutAsync_ServerStoresAnotherSizeOrCrc32C_ThrowsIntegrityMismatch(bool fromFile, int sizeDelta, uint crcFlip)
    {
        // crcFlip 0 with sizeDelta 0 is the honest answer, the control
        string crc = Crc32C.ToBase64(Crc32C.Compute(Content) ^ crcFlip);
        using var server = new ScriptedGcs((request, s) =>
        {
            Answer honest = s.Honest(request);
            return request.Kind == Kind.Stat ? Answer.Json(200, ObjectJson(Name, Content.Length + sizeDelta, crc, null)) : honest;
        });

        Task<PutResult> put = PutAsync(server, fromFile);

        if (sizeDelta == 0 && crcFlip == 0)
        {
            Assert.True((await put).Created);
            return;
        }

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => put);
        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Contains($"sent {Content.Length} bytes with crc32c {Crc32C.ToBase64(Crc32C.Compute(Content))}", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_ServerReportsSuccessButStoresNoObject_ThrowsIntegrityMismatch()
    {
        using var server = new ScriptedGcs((request, s) => request.Kind == Kind.Stat ? Answer.Error(404, "No such object") : s.Honest(request));

        BronzeException error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server, fromFile: false));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Equal("uploading object 'k' in gs://bucket: the server reported the object committed but stores none.", error.Message);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_SeveralChunks_SendsTheCrc32COfTheWholeObjectWithTheFinalChunkOnly(bool fromFile)
    {
        byte[] data = TestBytes.Create((2 * GcsStoreOptions.ChunkSizeUnit) + 5, seed: 3);
        using var server = new ScriptedGcs();

        PutResult result = await PutAsync(server, fromFile, content: data, chunkSize: GcsStoreOptions.ChunkSizeUnit);

        Assert.Equal(new PutResult(Name, PutOutcome.Created, data.Length, Sha256(data)), result);
        Assert.Equal(data, server.Objects[Name].Bytes);
        IReadOnlyList<Request> chunks = [.. server.Requests.Where(r => r.Kind == Kind.Chunk)];
        Assert.Equal(3, chunks.Count);
        Assert.Equal([null, null, Crc32C.ToBase64(Crc32C.Compute(data))], chunks.Select(c => c.Crc32C));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutAsync_TwoPuts_StartTheirSessionsWithIfGenerationMatchZeroAndDistinctWriteIds()
    {
        using var server = new ScriptedGcs();

        await PutAsync(server, fromFile: false);
        PutResult second = await PutAsync(server, fromFile: false);

        Assert.Equal(PutOutcome.AlreadyExists, second.Outcome);
        Request[] starts = [.. server.Requests.Where(r => r.Kind == Kind.Initiate)];
        Assert.All(starts, r => Assert.Contains("ifGenerationMatch=0", r.Query, StringComparison.Ordinal));
        Assert.Equal(2, starts.Select(r => r.WriteId).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count());
    }

    private static async Task<PutResult> PutAsync(
        ScriptedGcs server, bool fromFile, int maxRetries = 0, byte[]? content = null, int chunkSize = GcsStoreOptions.DefaultChunkSize)
    {
        content ??= Content;
        using var store = new GcsStore(server.StoreOptions() with { MaxRetries = maxRetries, ChunkSize = chunkSize });
        if (!fromFile) return await store.PutIfAbsentAsync(Name, new MemoryStream(content), Ct);
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, content, Ct);
        return await store.PutFileIfAbsentAsync(Name, file, Ct);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
