using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Testing.Streams;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// Where a put stages its content (memory up to the buffer, a spool file beyond, none left behind), what it checks
/// before any request, and which 404 means a missing object rather than a missing bucket. A scripted endpoint answers.
/// </summary>
public sealed class StagingAndMappingTests
{
    private const int MemoryBuffer = 1 << 10;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(MemoryBuffer, true)] // held in memory: the spool folder is never touched
    [InlineData(MemoryBuffer + 1, false)] // spooled: the missing folder fails the put
    public async Task PutIfAbsentAsync_SpoolFolderMissing_MattersOnlyBeyondTheMemoryBuffer(int size, bool succeeds)
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(404) : new Answer(200));
        using var store = new S3Store(server.StoreOptions() with
        {
            MemoryBufferSize = MemoryBuffer,
            SpoolDirectory = Path.Join(Path.GetTempPath(), "bronze-missing-" + Guid.NewGuid().ToString("N")),
        });

        Exception? error = await Record.ExceptionAsync(() => store.PutIfAbsentAsync("k", new MemoryStream(TestBytes.Create(size, seed: 1)), Token));

        Assert.Equal(succeeds, error is null);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SourceFailsWhileSpooling_ThrowsItsErrorAndLeavesNoSpoolFile()
    {
        using var spool = new TempDirectory();
        using var server = new ScriptedS3(_ => new Answer(200));
        using var store = new S3Store(server.StoreOptions() with { MemoryBufferSize = MemoryBuffer, SpoolDirectory = spool.Path });
        var content = new ScriptedReadStream(TestBytes.Create(8 * MemoryBuffer, seed: 2), maxRead: 512, triggerAt: 4 * MemoryBuffer,
            trigger: () => throw new IOException("the source broke"));

        IOException error = await Assert.ThrowsAsync<IOException>(() => store.PutIfAbsentAsync("k", content, Token));

        Assert.Equal("the source broke", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(spool.Path));
        Assert.Empty(server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_CancelledWhileUploadingParts_ThrowsOperationCanceledAndAbortsTheUpload()
    {
        const int Part = 5 << 20;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using var server = new ScriptedS3(r => r.HttpMethod switch
        {
            "HEAD" => new Answer(404),
            "GET" => Answer.EmptyListing,
            "POST" => Answer.UploadStarted,
            "DELETE" => new Answer(204),
            _ => Cancel(stop),
        });
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, TestBytes.Create((3 * Part) + 1, seed: 3), Token);
        using var store = new S3Store(server.StoreOptions() with
        {
            ConditionalMultipart = true,
            MultipartThreshold = Part,
            PartSize = Part,
            MaxParallelParts = 1,
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutFileIfAbsentAsync("k", file, stop.Token));

        Assert.Equal("DELETE ?uploadId=u1", server.Requests[^1]);
        Assert.DoesNotContain("POST ?uploadId=u1", server.Requests);

        static Answer Cancel(CancellationTokenSource stop)
        {
            stop.Cancel();
            return new Answer(200);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_InvalidKey_ThrowsInvalidInputBeforeAnyRequest()
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3], Token);
        using var store = new S3Store(server.StoreOptions());

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("../escape", file, Token));

        Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (error.Kind, error.Field));
        Assert.Empty(server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_NoPathGiven_ThrowsArgumentErrorNamingTheParameter()
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var store = new S3Store(server.StoreOptions());

        Assert.Equal("filePath", (await Assert.ThrowsAsync<ArgumentException>(() => store.PutFileIfAbsentAsync("k", "", Token))).ParamName);
        Assert.Equal("filePath", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.PutFileIfAbsentAsync("k", null!, Token))).ParamName);
        Assert.Empty(server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("missing.bin")] // no such file
    [InlineData("missing-folder/content.bin")] // no such folder
    public async Task PutFileIfAbsentAsync_FileMissing_ThrowsNotFoundNamingFilePathBeforeAnyRequest(string name)
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, name);
        using var store = new S3Store(server.StoreOptions());

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("k", path, Token));

        Assert.Equal((BronzeErrorKind.NotFound, "file_path"), (error.Kind, error.Field));
        Assert.Equal($"The file to upload, '{path}', does not exist.", error.Message);
        Assert.Empty(server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_PathIsAFolder_ThrowsFailureNamingFilePathBeforeAnyRequest()
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var folder = new TempDirectory();
        using var store = new S3Store(server.StoreOptions());

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("k", folder.Path, Token));

        Assert.Equal((BronzeErrorKind.Failure, "file_path"), (error.Kind, error.Field));
        Assert.Equal($"The file to upload, '{folder.Path}', cannot be read: {error.InnerException!.Message}", error.Message);
        Assert.Empty(server.Methods);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutFileIfAbsentAsync_OnePut_LeavesTheCallersFileInPlace()
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3], Token);
        using var store = new S3Store(server.StoreOptions());

        PutResult result = await store.PutFileIfAbsentAsync("k", file, Token);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(file, Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_409UntilRetriesRunOutThenTheHeadIsRefused_ThrowsTheCredentialsErrorNotStillMissing()
    {
        using var server = new ScriptedS3(r => r.HttpMethod == "HEAD" ? new Answer(403) : new Answer(409, ErrorCode: "ConditionalRequestConflict"));
        using var store = new S3Store(server.StoreOptions());

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), Token));

        Assert.Equal(("credentials", false), (error.Field, error.IsTransient));
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenReadAsync_NoSuchBucket_ThrowsTheBucketErrorNotAMissingObject()
    {
        using var server = new ScriptedS3(_ => new Answer(404, ErrorCode: "NoSuchBucket"));
        using var store = new S3Store(server.StoreOptions());

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.OpenReadAsync("k", Token));

        Assert.Equal((BronzeErrorKind.StoreFailure, "bucket"), (error.Kind, error.Field));
    }
}
