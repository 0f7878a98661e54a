using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Testing.Streams;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// S3-specific behaviour of <see cref="S3Store"/> against a real server: put-if-absent, checksums, multipart, faults
/// on the wire, and typed errors. One derived class per server.
/// </summary>
public abstract class S3StoreTests
{
    /// <summary>The server under test (skips, or fails under CI, when it is not running).</summary>
    protected abstract S3Server Server { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutIfAbsentAsync_StreamLongerThanMemoryBuffer_SpoolsAndStoresAllBytes()
    {
        DirectoryInfo spool = Directory.CreateTempSubdirectory("bronze-s3-spool-test-");
        try
        {
            using S3Store store = await NewStoreAsync(o => o with { MemoryBufferSize = 64 << 10, SpoolDirectory = spool.FullName });
            byte[] data = TestBytes.Create(3 << 20, seed: 3);

            PutResult result = await store.PutIfAbsentAsync("spooled", new ScriptedReadStream(data), Token);

            Assert.Equal(TestBytes.Sha256(data), result.Sha256);
            Assert.Equal(data, await TestData.ReadAllAsync(await store.OpenReadAsync("spooled", Token), Token));
            Assert.Empty(spool.GetFiles());
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_MultipartSizedFile_StoresAllBytesAndLeavesNoUpload()
    {
        (S3Store created, string bucket) = await NewStoreWithBucketAsync(SmallParts);
        using S3Store store = created;
        byte[] data = TestBytes.Create((23 << 20) + 12_345, seed: 4);
        string path = TestData.TempFile(data);
        try
        {
            PutResult result = await store.PutFileIfAbsentAsync("big/part-0-9999.parquet", path, Token);
            PutResult again = await store.PutFileIfAbsentAsync("big/part-0-9999.parquet", path, Token);

            Assert.Equal(new PutResult("big/part-0-9999.parquet", PutOutcome.Created, data.Length, TestBytes.Sha256(data)), result);
            Assert.Equal(PutOutcome.AlreadyExists, again.Outcome);
            Assert.Equal(data, await TestData.ReadAllAsync(await store.OpenReadAsync("big/part-0-9999.parquet", Token), Token));
            Assert.Empty(await Server.OpenUploadsAsync(bucket, Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task PutIfAbsentAsync_MultipartSizedStreamOnExistingKey_ReturnsAlreadyExistsAndLeavesNoUpload()
    {
        (S3Store created, string bucket) = await NewStoreWithBucketAsync(SmallParts);
        using S3Store store = created;
        byte[] first = TestBytes.Create(1000, seed: 5);
        byte[] second = TestBytes.Create(12 << 20, seed: 6);
        await store.PutIfAbsentAsync("k", new MemoryStream(first), Token);

        PutResult result = await store.PutIfAbsentAsync("k", new MemoryStream(second), Token);

        Assert.Equal(new PutResult("k", PutOutcome.AlreadyExists, second.Length, TestBytes.Sha256(second)), result);
        Assert.Equal(first, await TestData.ReadAllAsync(await store.OpenReadAsync("k", Token), Token));
        Assert.Empty(await Server.OpenUploadsAsync(bucket, Token));
    }

    [Fact]
    public async Task PutIfAbsentAsync_ConcurrentMultipartSizedWriters_ExactlyOneWinsAndNoUploadRemains()
    {
        if (Server.RacesConditionalComplete)
            Assert.Skip($"{Server.Name} lets several concurrent conditional CompleteMultipartUploads of one key succeed.");
        (S3Store created, string bucket) = await NewStoreWithBucketAsync(SmallParts);
        using S3Store store = created;
        byte[][] contents = [.. Enumerable.Range(0, 3).Select(i => TestBytes.Create((9 << 20) + i, seed: 40 + i))];

        PutResult[] results = await Task.WhenAll(contents.Select(c => Task.Run(() => store.PutIfAbsentAsync("race", new MemoryStream(c), Token), Token)));

        int winner = Assert.Single(Enumerable.Range(0, results.Length), i => results[i].Created);
        Assert.Equal(contents[winner], await TestData.ReadAllAsync(await store.OpenReadAsync("race", Token), Token));
        Assert.Empty(await Server.OpenUploadsAsync(bucket, Token));
    }

    [Fact]
    public async Task ListAsync_UnderPrefix_ReturnsKeysRelativeToRootInOrdinalOrder()
    {
        string bucket = await Server.CreateBucketAsync(Token);
        using var store = new S3Store(Server.Options(bucket, root: "lake/raw"));
        using var outside = new S3Store(Server.Options(bucket, root: "lake/rawx"));
        foreach (string key in new[] { "b/2", "a/1", "a/10", "B/0", "ab" })
            await store.PutIfAbsentAsync(key, new MemoryStream([1, 2, 3]), Token);
        await outside.PutIfAbsentAsync("a/9", new MemoryStream([1]), Token);

        List<ObjectInfo> all = await store.ListAsync("", Token).ToListAsync(Token);
        List<ObjectInfo> folder = await store.ListAsync("a/", Token).ToListAsync(Token);

        Assert.Equal(["B/0", "a/1", "a/10", "ab", "b/2"], all.Select(o => o.Key));
        Assert.All(all, o => Assert.Equal(3, o.Size));
        Assert.Equal(["a/1", "a/10"], folder.Select(o => o.Key));
    }

    [Fact]
    public async Task PutIfAbsentAsync_NoSuchBucket_ThrowsStoreFailureNamingBucket()
    {
        using var store = new S3Store(Server.Options("bronze-no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1]), Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.Equal("bucket", error.Field);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task StatAsync_NoSuchBucket_ThrowsStoreFailureNamingBucket()
    {
        using var store = new S3Store(Server.Options("bronze-no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.StatAsync("k", Token));

        Assert.Equal("bucket", error.Field);
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_ConnectionCutMidUpload_FailsTransientAndLeavesNothing()
    {
        string bucket = await Server.CreateBucketAsync(Token);
        await using var proxy = new FaultProxy(Server.Endpoint, Fault.Cut, offset: 256 << 10);
        using var store = new S3Store(Server.Options(bucket) with { ServiceUrl = proxy.Endpoint, MaxRetries = 1 });
        using var direct = new S3Store(Server.Options(bucket));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("cut", new MemoryStream(TestBytes.Create(2 << 20, 7)), Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.True(error.IsTransient);
        Assert.True(proxy.FaultsInjected >= 1);
        Assert.Null(await direct.StatAsync("cut", Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_MultipartConnectionCut_AbortsAndLeavesNoObjectOrParts()
    {
        string bucket = await Server.CreateBucketAsync(Token);
        await using var proxy = new FaultProxy(Server.Endpoint, Fault.Cut, offset: 1 << 20);
        using var store = new S3Store(SmallParts(Server.Options(bucket)) with { ServiceUrl = proxy.Endpoint, MaxRetries = 1 });
        using var direct = new S3Store(Server.Options(bucket));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("cut", new MemoryStream(TestBytes.Create(12 << 20, 8)), Token));

        // What must hold whatever the failures were: no object and no parts. Whether the error is transient is asserted
        // by the single-PUT cut above, not here: on RGW (where this 12 MiB put is one conditional PUT) the last attempt
        // has been answered 403 SignatureDoesNotMatch after reset connections, 2 in 54 runs; see the test below.
        TestContext.Current.TestOutputHelper?.WriteLine($"transient: {error.IsTransient}; {error}");
        Assert.Null(await direct.StatAsync("cut", Token));
        Assert.Empty(await Server.OpenUploadsAsync(bucket, Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_SignatureMismatchAfterACutWhileCredentialsWork_RetriesAndWrites()
    {
        string bucket = await Server.CreateBucketAsync(Token);
        await using var proxy = new FaultProxy(Server.Endpoint, Fault.CutThenForbid, offset: 64 << 10);
        using var store = new S3Store(Server.Options(bucket) with { ServiceUrl = proxy.Endpoint, MaxRetries = 3 });
        byte[] data = TestBytes.Create(1 << 20, seed: 12);

        PutResult result = await store.PutIfAbsentAsync("forbidden-once", new MemoryStream(data), Token);

        Assert.Equal(2, proxy.FaultsInjected);
        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(data, await TestData.ReadAllAsync(await store.OpenReadAsync("forbidden-once", Token), Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_CancelledWhileStagingAMultipartSizedStream_LeavesNoObjectOrUploads()
    {
        (S3Store created, string bucket) = await NewStoreWithBucketAsync(SmallParts);
        using S3Store store = created;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // A stream is staged (spooled and hashed) before any request, so this cancels before the upload starts; parts
        // cut mid-upload, and their abort, are the connection-cut test's (multipart on moto).
        var content = new ScriptedReadStream(TestBytes.Create(12 << 20, 9), triggerAt: 7 << 20, trigger: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutIfAbsentAsync("cancelled", content, cancel.Token));

        Assert.Null(await store.StatAsync("cancelled", Token));
        Assert.Empty(await Server.OpenUploadsAsync(bucket, Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_ResponseLostAfterServerWrote_RetryFindsOwnBytesAndReportsCreated()
    {
        string bucket = await Server.CreateBucketAsync(Token);
        await using var proxy = new FaultProxy(Server.Endpoint, Fault.LoseFirstResponse);
        using var store = new S3Store(Server.Options(bucket) with { ServiceUrl = proxy.Endpoint });
        byte[] data = TestBytes.Create(10_000, seed: 11);

        PutResult result = await store.PutIfAbsentAsync("lost", new MemoryStream(data), Token);
        PutResult again = await store.PutIfAbsentAsync("lost", new MemoryStream(data), Token);

        Assert.Equal(1, proxy.FaultsInjected);
        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(PutOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(data, await TestData.ReadAllAsync(await store.OpenReadAsync("lost", Token), Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_BytesCorruptedOnTheWire_ServerRefusesAndNothingIsVisible()
    {
        if (!Server.VerifiesChecksums) Assert.Skip($"{Server.Name} does not verify Content-MD5 or payload hashes.");
        string bucket = await Server.CreateBucketAsync(Token);
        await using var proxy = new FaultProxy(Server.Endpoint, Fault.Corrupt, offset: 300_000);
        using var store = new S3Store(Server.Options(bucket) with { ServiceUrl = proxy.Endpoint });
        using var direct = new S3Store(Server.Options(bucket));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("corrupt", new MemoryStream(TestBytes.Create(1 << 20, 10)), Token));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Equal(1, proxy.FaultsInjected);
        Assert.Null(await direct.StatAsync("corrupt", Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_WrongSecretKey_ThrowsStoreFailureNamingCredentials()
    {
        if (!Server.VerifiesChecksums) Assert.Skip($"{Server.Name} does not check signatures.");
        string bucket = await Server.CreateBucketAsync(Token);
        var wrong = new Amazon.Runtime.BasicAWSCredentials(Server.Credentials.GetCredentials().AccessKey, "wrong-secret");
        using var store = new S3Store(Server.Options(bucket) with { Credentials = wrong });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1]), Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.Equal("credentials", error.Field);
        Assert.False(error.IsTransient);
    }

    /// <summary>Multipart at 5 MiB parts from 8 MiB on, so that tests stay small.</summary>
    protected static S3StoreOptions SmallParts(S3StoreOptions options) =>
        options with { MultipartThreshold = 8 << 20, PartSize = 5 << 20, MaxParallelParts = 2, MemoryBufferSize = 1 << 20 };

    private async Task<S3Store> NewStoreAsync(Func<S3StoreOptions, S3StoreOptions>? configure = null) =>
        (await NewStoreWithBucketAsync(configure)).Store;

    private async Task<(S3Store Store, string Bucket)> NewStoreWithBucketAsync(Func<S3StoreOptions, S3StoreOptions>? configure = null)
    {
        string bucket = await Server.CreateBucketAsync(Token);
        S3StoreOptions options = Server.Options(bucket);
        return (new S3Store(configure is null ? options : configure(options)), bucket);
    }
}
