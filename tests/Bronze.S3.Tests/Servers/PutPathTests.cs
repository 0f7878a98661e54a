using System.Security.Cryptography;
using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// Which way a put goes, at the boundaries that decide it: one PutObject or a multipart upload (the threshold), a HEAD
/// first to skip sending a body the key already holds (only for content spooled beyond the memory buffer, and before
/// any multipart upload), and the result an "already exists" carries (the size and sha256 of the content offered).
/// A scripted endpoint answers; every request is recorded.
/// </summary>
public sealed class PutPathTests
{
    private const int Threshold = 5 << 20;
    private const int MemoryBuffer = 1 << 10;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(MemoryBuffer, "PUT")] // held in memory: straight to the conditional PUT
    [InlineData(MemoryBuffer + 1, "HEAD")] // spooled: a HEAD first
    public async Task PutIfAbsentAsync_KeyTaken_AsksFirstOnlyForContentBeyondTheMemoryBuffer(int size, string first)
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(200, new Dictionary<string, string> { ["x-amz-meta-bronze-write-id"] = "other" })
            : new Answer(412, ErrorCode: "PreconditionFailed"));
        byte[] content = TestBytes.Create(size, seed: 1);

        PutResult result = await PutStreamAsync(server, content);

        Assert.Equal(new PutResult("k", PutOutcome.AlreadyExists, size, Sha256(content)), result);
        Assert.Equal(first, server.Methods[0]);
        Assert.DoesNotContain("PUT", server.Methods.Skip(1)); // the HEAD found it: no body sent
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_MultipartSizedOnATakenKey_ReturnsAlreadyExistsWithTheContentsDigestAfterOneHead(bool fromFile)
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(200) : new Answer(501));
        byte[] content = TestBytes.Create(Threshold + 3, seed: 2);

        PutResult result = fromFile ? await PutFileAsync(server, content) : await PutStreamAsync(server, content);

        Assert.Equal(new PutResult("k", PutOutcome.AlreadyExists, content.Length, Sha256(content)), result);
        Assert.Equal(["HEAD"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(Threshold - 1, false)]
    [InlineData(Threshold, true)]
    public async Task PutFileIfAbsentAsync_SizeAtTheThreshold_GoesMultipart(int size, bool multipart)
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(404)
            : r.HttpMethod == "GET" ? Answer.EmptyListing
            : new Answer(200));

        // the scripted multipart upload fails (no upload id); which requests were made is what this test is about
        await Record.ExceptionAsync(() => PutFileAsync(server, TestBytes.Create(size, seed: 3)));

        Assert.Equal(multipart, server.Requests.Contains("POST ?uploads"));
        Assert.Equal(!multipart, server.Requests.Any(r => r.StartsWith("PUT ", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SpooledStream_LeavesNoSpoolFileAfterAPutOrAFailedPut()
    {
        using var spool = new TempDirectory();
        int puts = 0;
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(404)
            : r.HttpMethod == "GET" ? Answer.EmptyListing
            : ++puts == 1 ? new Answer(200) : new Answer(403, ErrorCode: "AccessDenied"));
        byte[] content = TestBytes.Create(MemoryBuffer * 3, seed: 4);

        PutResult created = await PutStreamAsync(server, content, spool.Path);
        await Assert.ThrowsAsync<BronzeException>(() => PutStreamAsync(server, content, spool.Path));

        Assert.True(created.Created);
        Assert.Empty(Directory.GetFileSystemEntries(spool.Path));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutIfAbsentAsync_OnePut_IsConditionalWithContentMd5AndTheSha256OnlyWhenTheOptionIsOn(bool on)
    {
        string? sent = "none seen";
        (string? Condition, string? Md5) put = default;
        using var server = new ScriptedS3(r =>
        {
            sent = r.Headers["x-amz-checksum-sha256"];
            put = (r.Headers["If-None-Match"], r.Headers["Content-MD5"]);
            return new Answer(200);
        });
        byte[] content = TestBytes.Create(100, seed: 5);
        using var store = new S3Store(server.StoreOptions() with
        {
            ChecksumSha256 = on,
        });

        await store.PutIfAbsentAsync("k", new MemoryStream(content), Token);

        Assert.Equal(on ? Convert.ToBase64String(SHA256.HashData(content)) : null, sent);
        Assert.Equal(("*", Convert.ToBase64String(MD5.HashData(content))), put);
    }

    [Theory]
    [InlineData(16L << 20, 1L << 30, 16L << 20)] // 64 parts: the configured size
    [InlineData(16L << 20, 160_000L << 20, 16L << 20)] // exactly 10,000 parts of 16 MiB
    [InlineData(16L << 20, (160_000L << 20) + 1, 17L << 20)] // one byte more: raised to the next whole MiB
    [InlineData(5L << 20, 100L << 30, 11L << 20)] // 100 GiB: 10.24 MiB a part, rounded up to 11 MiB
    public void PartSize_ObjectTooLargeForTenThousandParts_RaisedToAWholeMiBThatFits(long configured, long size, long expected)
    {
        long partSize = Bronze.S3.Upload.MultipartPut.PartSize(configured, size);

        Assert.Equal(expected, partSize);
        Assert.True((size + partSize - 1) / partSize <= S3StoreOptions.MaxPartCount);
    }

    private static S3Store NewStore(ScriptedS3 server, string? spool = null) => new(server.StoreOptions() with
    {
        ConditionalMultipart = true,
        MultipartThreshold = Threshold,
        PartSize = Threshold,
        MemoryBufferSize = MemoryBuffer,
        SpoolDirectory = spool,
    });

    private static async Task<PutResult> PutStreamAsync(ScriptedS3 server, byte[] content, string? spool = null)
    {
        using S3Store store = NewStore(server, spool);
        return await store.PutIfAbsentAsync("k", new MemoryStream(content), Token);
    }

    private static async Task<PutResult> PutFileAsync(ScriptedS3 server, byte[] content)
    {
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, content, Token);
        using S3Store store = NewStore(server);
        return await store.PutFileIfAbsentAsync("k", file, Token);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
