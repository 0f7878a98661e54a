using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;
using Answer = Bronze.S3.Tests.Support.ScriptedS3.Answer;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// The 5 GiB one PutObject can write, at exactly the limit, on both the stream and the file path: the store's limit is
/// lowered (an internal seam) so the boundary costs bytes, not gigabytes. Over the limit nothing is sent.
/// </summary>
public sealed class SinglePutLimitTests
{
    private const int Limit = 100;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(false, Limit)]
    [InlineData(true, Limit)]
    public async Task PutAsync_ExactlyAtTheSinglePutLimit_SendsOnePut(bool fromFile, int size)
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var store = new S3Store(server.StoreOptions()) { SinglePutLimit = Limit };

        PutResult result = await PutAsync(store, TestBytes.Create(size, seed: 7), fromFile);

        Assert.Equal(PutOutcome.Created, result.Outcome);
        Assert.Equal(["PUT"], server.Methods);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_OneByteOverTheSinglePutLimit_ThrowsInvalidInputNamingTheSettingBeforeSending(bool fromFile)
    {
        using var server = new ScriptedS3(_ => new Answer(200));
        using var store = new S3Store(server.StoreOptions()) { SinglePutLimit = Limit };

        var error = await Assert.ThrowsAsync<BronzeException>(() => PutAsync(store, TestBytes.Create(Limit + 1, seed: 7), fromFile));

        Assert.Equal((BronzeErrorKind.InvalidInput, "conditional_multipart"), (error.Kind, error.Field));
        Assert.Equal(
            $"'k' is {Limit + 1} bytes, more than the 5 GiB one PutObject can write, and {store.Description} is set to write every object "
            + "with one conditional PutObject (conditional-multipart=false, the default with a custom endpoint, because servers such "
            + "as Ceph RGW 16 ignore If-None-Match on CompleteMultipartUpload and would overwrite). Set conditional-multipart=true "
            + "only for a server that honours it.",
            error.Message);
        Assert.Empty(server.Methods);
    }

    [Fact]
    public void SinglePutLimit_ByDefault_IsS3s5GiB()
    {
        using var store = new S3Store(new S3StoreOptions { Bucket = "bucket", Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b") });

        Assert.Equal(5L << 30, store.SinglePutLimit);
    }

    private static async Task<PutResult> PutAsync(S3Store store, byte[] content, bool fromFile)
    {
        if (!fromFile) return await store.PutIfAbsentAsync("k", new MemoryStream(content), Token);
        using var folder = new TempDirectory();
        string path = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(path, content, Token);
        return await store.PutFileIfAbsentAsync("k", path, Token);
    }
}
