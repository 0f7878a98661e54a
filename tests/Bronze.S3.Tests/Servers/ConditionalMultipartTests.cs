using System.Net;
using System.Security.Cryptography;
using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// The decisions of a multipart put that no real test server can be made to provoke: a 412 at completion after this
/// put's own completion landed (its answer lost) or for another writer's object, and a server whose reported part or
/// object ETag disagrees with the bytes sent. The upload is aborted whenever the put does not end as Created, and only
/// then. A scripted endpoint answers as S3 does unless a test says otherwise.
/// </summary>
public sealed class ConditionalMultipartTests
{
    private const string WriteIdHeader = "x-amz-meta-bronze-write-id";
    private const int PartSize = 5 << 20;
    private static readonly byte[] Content = Bronze.Testing.TestBytes.Create(PartSize + 10, seed: 5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CompletedConditionallyWithTheExpectedETag_ReportsCreatedWithoutAborting()
    {
        var s3 = new MultipartS3();
        string? condition = null;
        using var server = new ScriptedS3((request, body) =>
        {
            if (request.HttpMethod == "POST" && request.QueryString["uploadId"] is not null) condition = request.Headers["If-None-Match"];
            return s3.Answer(request, body);
        });

        PutResult result = await PutAsync(server);

        Assert.Equal(new PutResult("k", PutOutcome.Created, Content.Length, Sha256(Content)), result);
        Assert.Equal("*", condition);
        Assert.Equal(["HEAD ", "GET ?list-type=2&max-keys=1", "POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "PUT ?partNumber=2&uploadId=u1", "POST ?uploadId=u1"],
            server.Requests);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true, PutOutcome.Created)] // this put's own completion landed and its answer was lost
    [InlineData(false, PutOutcome.AlreadyExists)] // another writer's object
    public async Task PutIfAbsentAsync_412AtCompletion_TheWriteIdDecidesAndOnlyAnotherWritersObjectAborts(bool ownId, PutOutcome expected)
    {
        var s3 = new MultipartS3 { Complete = s => new Answer(412, ErrorCode: "PreconditionFailed") };
        s3.Head = s => new Answer(200, new Dictionary<string, string> { ["ETag"] = s.ExpectedETag, [WriteIdHeader] = ownId ? s.WriteId : "another-writer" });
        int heads = 0;
        using var server = new ScriptedS3((request, body) =>
            request.HttpMethod == "HEAD" && ++heads == 1 ? new Answer(404) : s3.Answer(request, body));

        PutResult result = await PutAsync(server);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == PutOutcome.AlreadyExists, server.Methods.Contains("DELETE"));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CompletionReportsAnotherETag_ThrowsIntegrityMismatchAndAborts()
    {
        var s3 = new MultipartS3 { Complete = s => s.Completed("\"00000000000000000000000000000000-2\"") };
        using var server = new ScriptedS3(s3.Answer);

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Equal(
            $"After writing 'k' to {server.StoreOptions().Description}, the server reports ETag \"00000000000000000000000000000000-2\", expected {s3.ExpectedETag}.",
            error.Message);
        Assert.Equal("DELETE ?uploadId=u1", server.Requests[^1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CompletionReportsNoETag_ReportsCreated()
    {
        var s3 = new MultipartS3 { Complete = s => s.Completed(etag: null) };
        using var server = new ScriptedS3(s3.Answer);

        PutResult result = await PutAsync(server);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.DoesNotContain("DELETE", server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_PartReportsAnotherETag_ThrowsIntegrityMismatchAbortsAndNeverCompletes()
    {
        var s3 = new MultipartS3 { PartETag = (number, md5) => number == 2 ? "\"00000000000000000000000000000000\"" : md5 };
        using var server = new ScriptedS3(s3.Answer);

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        string md5 = Convert.ToHexStringLower(MD5.HashData(Content.AsSpan(PartSize)));
        Assert.Equal(
            $"Part 2 of 'k' in {server.StoreOptions().Description}: the server reports ETag \"00000000000000000000000000000000\", expected the MD5 \"{md5}\".",
            error.Message);
        Assert.DoesNotContain("POST ?uploadId=u1", server.Requests);
        Assert.Equal("DELETE ?uploadId=u1", server.Requests[^1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_PartRefused_ThrowsThatFailureSendsNoFurtherPartAndAborts()
    {
        var s3 = new MultipartS3 { PartStatus = number => number == 1 ? 403 : 200 };
        using var server = new ScriptedS3(s3.Answer);

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(server));

        Assert.Equal("credentials", error.Field);
        // Part 2 is never sent: the failure stops the reader waiting for part 1's buffer.
        Assert.Equal(["HEAD ", "GET ?list-type=2&max-keys=1", "POST ?uploads", "PUT ?partNumber=1&uploadId=u1", "DELETE ?uploadId=u1"], server.Requests);
    }

    private static async Task<PutResult> PutAsync(ScriptedS3 server)
    {
        using var store = new S3Store(server.StoreOptions() with
        {
            ConditionalMultipart = true,
            MultipartThreshold = PartSize,
            PartSize = PartSize,
            MaxParallelParts = 1,
        });
        return await store.PutIfAbsentAsync("k", new MemoryStream(Content), Token);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Answers a multipart upload of one key as S3 does; the hooks change one kind of answer.</summary>
    private sealed class MultipartS3
    {
        private readonly List<byte[]> _md5s = [];

        public string WriteId { get; private set; } = "";

        /// <summary>The ETag of the completed object: the MD5 of the parts' MD5s, and their count.</summary>
        public string ExpectedETag => $"\"{Convert.ToHexStringLower(MD5.HashData([.. _md5s.SelectMany(m => m)]))}-{_md5s.Count}\"";

        public Func<MultipartS3, Answer> Complete { get; init; } = s => s.Completed(s.ExpectedETag);

        public Func<MultipartS3, Answer> Head { get; set; } = _ => new Answer(404);

        public Func<int, string, string> PartETag { get; init; } = (_, md5) => md5;

        public Func<int, int> PartStatus { get; init; } = _ => 200;

        public Answer Answer(HttpListenerRequest request, byte[] body)
        {
            string? partNumber = request.QueryString["partNumber"];
            return request.HttpMethod switch
            {
                "HEAD" => Head(this),
                "GET" => ScriptedS3.Answer.EmptyListing,
                "POST" when request.Url!.Query.Contains("uploads", StringComparison.Ordinal) => Initiated(request),
                "PUT" when partNumber is not null => Part(int.Parse(partNumber, System.Globalization.CultureInfo.InvariantCulture), body),
                "POST" => Complete(this),
                "DELETE" => new Answer(204),
                _ => new Answer(501),
            };
        }

        public Answer Completed(string? etag) => Xml(
            $"<CompleteMultipartUploadResult><Location>http://x/bucket/k</Location><Bucket>bucket</Bucket><Key>k</Key>{(etag is null ? "" : $"<ETag>{etag}</ETag>")}</CompleteMultipartUploadResult>");

        private static Answer Xml(string xml) => new(200, Body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);

        private Answer Initiated(HttpListenerRequest request)
        {
            WriteId = request.Headers[WriteIdHeader] ?? "";
            return ScriptedS3.Answer.UploadStarted;
        }

        private Answer Part(int number, byte[] body)
        {
            if (PartStatus(number) != 200) return new Answer(PartStatus(number), ErrorCode: "AccessDenied");
            byte[] md5 = MD5.HashData(body);
            lock (_md5s) _md5s.Add(md5);
            return new Answer(200, new Dictionary<string, string> { ["ETag"] = PartETag(number, $"\"{Convert.ToHexStringLower(md5)}\"") });
        }
    }
}
