using System.Net;
using System.Security.Cryptography;
using Bronze.S3.Tests.Support;
using Bronze.Storage;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// The decisions of a conditional write that no real test server can be made to provoke: a 412 after this put's own
/// write landed (its response lost), a 412 for another writer's object, 409s while another write is in flight, and a
/// server whose reported ETag or sha256 disagrees with the bytes sent. A scripted endpoint answers.
/// </summary>
public sealed class ConditionalWriteTests
{
    private const string WriteId = "x-amz-meta-bronze-write-id";
    private static readonly byte[] Content = [1, 2, 3, 4, 5];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(true, PutOutcome.Created)] // this put's own write landed and its response was lost
    [InlineData(false, PutOutcome.AlreadyExists)] // another writer's object
    public async Task PutIfAbsentAsync_412_TheWriteIdOfTheStoredObjectDecides(bool ownId, PutOutcome expected)
    {
        var put = new PutSeen();
        using var server = new ScriptedS3(r => r.HttpMethod == "PUT" ? put.Record(r, 412) : put.Head(ownId, ETagOf(put.Md5Hex)));

        PutResult result = await PutAsync(server);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(["PUT", "HEAD"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("\"00000000000000000000000000000000\"", PutOutcome.AlreadyExists)] // same form, other bytes
    [InlineData("\"00000000000000000000000000000-12\"", PutOutcome.Created)] // a multipart ETag says nothing of these bytes
    [InlineData("\"0000\"", PutOutcome.Created)] // nor one of another length
    public async Task PutIfAbsentAsync_412WithThisPutsWriteIdAndAnotherETag_TrustsOnlyAComparableETag(string etag, PutOutcome expected)
    {
        var put = new PutSeen();
        using var server = new ScriptedS3(r => r.HttpMethod == "PUT" ? put.Record(r, 412) : put.Head(ownId: true, etag));

        PutResult result = await PutAsync(server);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_409ThenWritten_RetriesAndReportsCreated()
    {
        var put = new PutSeen();
        int puts = 0;
        using var server = new ScriptedS3(r => ++puts == 1 ? put.Record(r, 409, "ConditionalRequestConflict") : put.Record(r, 200));

        PutResult result = await PutAsync(server, maxRetries: 1);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["PUT", "PUT"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true, PutOutcome.Created)]
    [InlineData(false, PutOutcome.AlreadyExists)]
    public async Task PutIfAbsentAsync_409UntilRetriesRunOut_AsksTheStoreOnceAfterTheLastRetry(bool ownId, PutOutcome expected)
    {
        var put = new PutSeen();
        using var server = new ScriptedS3(r => r.HttpMethod == "PUT" ? put.Record(r, 409, "ConditionalRequestConflict") : put.Head(ownId, ETagOf(put.Md5Hex)));

        PutResult result = await PutAsync(server, maxRetries: 2);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(["PUT", "PUT", "PUT", "HEAD"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ETag", "\"00000000000000000000000000000000\"")]
    [InlineData("x-amz-checksum-sha256", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task PutIfAbsentAsync_ServerReportsOtherBytes_ThrowsIntegrityMismatch(string header, string value)
    {
        var put = new PutSeen();
        using var server = new ScriptedS3(r => put.Record(r, 200, headers: new Dictionary<string, string> { [header] = value }));

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Equal(["PUT"], server.Methods);
        string what = header == "ETag"
            ? $"ETag {value}, expected the MD5 \"{Convert.ToHexStringLower(MD5.HashData(Content))}\""
            : $"sha256 {value}, expected {Convert.ToBase64String(SHA256.HashData(Content))}";
        Assert.Equal($"After writing 'k' to {server.StoreOptions().Description}, the server reports {what}: the stored object may not hold the bytes sent.", error.Message);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("\"00000000000000000000000000000-12\"")] // not a plain MD5 (multipart, SSE-KMS)
    [InlineData("\"0000\"")]
    public async Task PutIfAbsentAsync_ServerETagNotAPlainMd5_IsNotChecked(string etag)
    {
        var put = new PutSeen();
        using var server = new ScriptedS3(r => put.Record(r, 200, headers: new Dictionary<string, string> { ["ETag"] = etag }));

        PutResult result = await PutAsync(server);

        Assert.Equal(PutOutcome.Created, result.Outcome);
    }

    private static async Task<PutResult> PutAsync(ScriptedS3 server, int maxRetries = 0)
    {
        using var store = new S3Store(server.StoreOptions() with
        {
            MaxRetries = maxRetries,
        });
        return await store.PutIfAbsentAsync("k", new MemoryStream(Content), Token);
    }

    private static string ETagOf(string md5Hex) => $"\"{md5Hex}\"";

    /// <summary>What the last PUT sent: its write id and Content-MD5, to answer a HEAD or a PUT as S3 would.</summary>
    private sealed class PutSeen
    {
        public string Id { get; private set; } = "";

        public string Md5Hex { get; private set; } = "";

        public ScriptedS3.Answer Record(HttpListenerRequest request, int status, string? errorCode = null, Dictionary<string, string>? headers = null)
        {
            Id = request.Headers[WriteId] ?? "";
            Md5Hex = Convert.ToHexStringLower(Convert.FromBase64String(request.Headers["Content-MD5"] ?? ""));
            var answer = new Dictionary<string, string> { ["ETag"] = ETagOf(Md5Hex) };
            foreach ((string name, string value) in headers ?? []) answer[name] = value;
            return new ScriptedS3.Answer(status, status == 200 ? answer : null, errorCode ?? (status == 412 ? "PreconditionFailed" : null));
        }

        public ScriptedS3.Answer Head(bool ownId, string etag) => new(200, new Dictionary<string, string>
        {
            ["ETag"] = etag,
            [WriteId] = ownId ? Id : "another-writer",
        });
    }
}
