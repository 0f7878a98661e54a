using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// What S3 says back when a conditional write keeps colliding (409 ConditionalRequestConflict, which AWS returns while
/// another conditional write of the key is in flight), and keys too long for S3. Neither Ceph RGW nor moto answers 409
/// on demand, so a scripted HTTP endpoint stands in for the server.
/// </summary>
public sealed class ConditionalConflictTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_409UntilRetriesRunOutAndKeyMissing_ThrowsTransientInsteadOfAlreadyExists()
    {
        using ScriptedS3 server = ConflictingS3();
        using var store = new S3Store(server.StoreOptions() with
        {
            MaxRetries = 1,
        });

        // Bounded, so that a retry loop that never stops fails here rather than hang to the test's timeout.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bounded.CancelAfter(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), bounded.Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("409", error.Message, StringComparison.Ordinal);
        Assert.Contains("HEAD", server.Methods);
    }

    [Fact]
    public async Task EveryOperation_KeyOver1024BytesWithThePrefix_ThrowsInvalidInputBeforeAnyRequest()
    {
        using ScriptedS3 server = ConflictingS3();
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            Root = string.Join('/', Enumerable.Repeat(new string('p', 250), 4)),
            ServiceUrl = server.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            MaxRetries = 0,
        });
        string key = new('k', 30);

        foreach (Func<Task> operation in (Func<Task>[])[
                     () => store.PutIfAbsentAsync(key, new MemoryStream([1]), Token), () => store.StatAsync(key, Token), () => store.OpenReadAsync(key, Token)])
        {
            var error = await Assert.ThrowsAsync<BronzeException>(operation);
            Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (error.Kind, error.Field));
            Assert.Contains("at most 20 characters", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(server.Methods);
    }

    /// <summary>Answers every PUT with 409 ConditionalRequestConflict and every HEAD with 404.</summary>
    private static ScriptedS3 ConflictingS3() => new(request => request.HttpMethod == "PUT"
        ? new ScriptedS3.Answer(409, ErrorCode: "ConditionalRequestConflict")
        : new ScriptedS3.Answer(404));
}
