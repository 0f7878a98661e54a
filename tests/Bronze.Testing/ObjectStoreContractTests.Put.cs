using Bronze.Storage;
using Bronze.Testing.Streams;

namespace Bronze.Testing;

public abstract partial class ObjectStoreContractTests
{
    [Fact]
    public async Task ListAsync_FreshStore_IsEmpty()
    {
        Assert.Empty(await ListAllAsync(""));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_537)]
    [InlineData(Large)]
    public async Task PutIfAbsentAsync_NewKey_StoresExactlyTheBytes(int size)
    {
        byte[] bytes = TestBytes.Create(SizeOf(size), seed: size);

        PutResult result = await PutNewAsync("data/object.bin", bytes);

        Assert.Equal(new PutResult("data/object.bin", PutOutcome.Created, bytes.Length, TestBytes.Sha256(bytes)), result);
        Assert.Equal(new ObjectInfo("data/object.bin", bytes.Length), await Store.StatAsync("data/object.bin", Ct));
        Assert.Equal(bytes, await ReadAllAsync("data/object.bin"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_NonSeekableStreamOfSmallReads_StoresExactlyTheBytes()
    {
        byte[] bytes = TestBytes.Create(SizeOf(Large), seed: 7);
        var content = new ScriptedReadStream(bytes, maxRead: 4093);

        PutResult result = await Store.PutIfAbsentAsync("trickle", content, Ct);

        Assert.Equal(new PutResult("trickle", PutOutcome.Created, bytes.Length, TestBytes.Sha256(bytes)), result);
        Assert.Equal(bytes, await ReadAllAsync("trickle"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_WritableMemoryStreamNotAtItsStart_StoresTheRestAndReadsToTheEnd()
    {
        byte[] bytes = TestBytes.Create((3 << 20) + 5, seed: 8);
        using var content = new MemoryStream();
        content.Write(bytes);
        content.Position = 1000;

        PutResult result = await Store.PutIfAbsentAsync("rest", content, Ct);

        byte[] rest = bytes[1000..];
        Assert.Equal(new PutResult("rest", PutOutcome.Created, rest.Length, TestBytes.Sha256(rest)), result);
        Assert.Equal(rest, await ReadAllAsync("rest"));
        Assert.Equal(content.Length, content.Position);
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_NewKey_StoresExactlyTheFile()
    {
        byte[] bytes = TestBytes.Create(SizeOf(Large), seed: 11);

        PutResult result = await PutFileAsync("files/a.parquet", bytes);

        Assert.Equal(new PutResult("files/a.parquet", PutOutcome.Created, bytes.Length, TestBytes.Sha256(bytes)), result);
        Assert.Equal(bytes, await ReadAllAsync("files/a.parquet"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_ExistingKey_ReturnsAlreadyExistsAndKeepsTheOriginalBytes()
    {
        byte[] original = TestBytes.Create(100_000, seed: 1);
        byte[] other = TestBytes.Create(70_000, seed: 2);
        await PutNewAsync("k/object", original);

        using var content = new MemoryStream(other, writable: false);
        PutResult result = await Store.PutIfAbsentAsync("k/object", content, Ct);

        Assert.Equal(new PutResult("k/object", PutOutcome.AlreadyExists, other.Length, TestBytes.Sha256(other)), result);
        Assert.False(result.Created);
        Assert.Equal(original, await ReadAllAsync("k/object"));
        Assert.Equal([new ObjectInfo("k/object", original.Length)], await ListAllAsync(""));
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_ExistingKey_ReturnsAlreadyExistsAndKeepsTheOriginalBytes()
    {
        byte[] original = TestBytes.Create(1000, seed: 3);
        byte[] other = TestBytes.Create(2000, seed: 4);
        await PutNewAsync("k/object", original);

        PutResult result = await PutFileAsync("k/object", other);

        Assert.Equal(new PutResult("k/object", PutOutcome.AlreadyExists, other.Length, TestBytes.Sha256(other)), result);
        Assert.Equal(original, await ReadAllAsync("k/object"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_ConcurrentWritersOfOneKey_ExactlyOneWinsWithItsOwnBytes()
    {
        byte[][] contents = [.. Enumerable.Range(0, ConcurrentWriters).Select(i => TestBytes.Create(ConcurrentObjectSize + i, seed: 100 + i))];
        using var start = new ManualResetEventSlim();

        Task<PutResult>[] writers = [.. contents.Select(bytes => Task.Run(async () =>
        {
            start.Wait(Ct);
            using var content = new MemoryStream(bytes, writable: false);
            return await Store.PutIfAbsentAsync("race/object", content, Ct);
        }, Ct))];
        start.Set();
        PutResult[] results = await Task.WhenAll(writers);

        int[] winners = [.. Enumerable.Range(0, results.Length).Where(i => results[i].Created)];
        int winner = Assert.Single(winners);
        Assert.All(results, r => Assert.True(r.Created || r.Outcome == PutOutcome.AlreadyExists));
        for (int i = 0; i < results.Length; i++)
            Assert.Equal((long)contents[i].Length, results[i].Size);
        Assert.Equal(contents[winner], await ReadAllAsync("race/object"));
        Assert.Equal([new ObjectInfo("race/object", contents[winner].Length)], await ListAllAsync(""));
    }

    [Fact]
    public async Task PutIfAbsentAsync_CancelledMidWrite_PublishesNothingAndALaterPutSucceeds()
    {
        byte[] bytes = TestBytes.Create(SizeOf(Large), seed: 21);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var content = new ScriptedReadStream(bytes, maxRead: 64 << 10, triggerAt: bytes.Length / 3, trigger: cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutIfAbsentAsync("cancel/object", content, cancellation.Token));

        Assert.True(content.BytesRead < bytes.Length, "The put went on reading after its token fired.");
        await AssertNothingVisibleAsync("cancel/object");
        await PutNewAsync("cancel/object", bytes);
        Assert.Equal(bytes, await ReadAllAsync("cancel/object"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_SourceFailsMidWrite_PublishesNothingAndALaterPutSucceeds()
    {
        byte[] bytes = TestBytes.Create(SizeOf(Large), seed: 22);
        var content = new ScriptedReadStream(
            bytes, maxRead: 64 << 10, triggerAt: bytes.Length / 2, trigger: () => throw new IOException("the source broke"));

        await Assert.ThrowsAnyAsync<Exception>(() => Store.PutIfAbsentAsync("fail/object", content, Ct));

        await AssertNothingVisibleAsync("fail/object");
        await PutNewAsync("fail/object", bytes);
        Assert.Equal(bytes, await ReadAllAsync("fail/object"));
    }

    [Fact]
    public async Task PutIfAbsentAsync_TokenAlreadyCancelled_ThrowsAndPublishesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var content = new MemoryStream(TestBytes.Create(10, seed: 5), writable: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutIfAbsentAsync("precancelled", content, cancellation.Token));

        await AssertNothingVisibleAsync("precancelled");
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_MissingFile_ThrowsBronzeExceptionAndPublishesNothing()
    {
        string missing = Path.Join(Path.GetTempPath(), "bronze-contract-missing-" + Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAsync<BronzeException>(() => Store.PutFileIfAbsentAsync("missing/file", missing, Ct));

        await AssertNothingVisibleAsync("missing/file");
    }

    /// <summary>Puts <paramref name="bytes"/> from a local file, as a copier puts a spooled Parquet file.</summary>
    private async Task<PutResult> PutFileAsync(string key, byte[] bytes)
    {
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "upload.bin");
        await File.WriteAllBytesAsync(file, bytes, Ct);
        return await Store.PutFileIfAbsentAsync(key, file, Ct);
    }

    private async Task AssertNothingVisibleAsync(string key)
    {
        Assert.Null(await Store.StatAsync(key, Ct));
        Assert.Empty(await ListAllAsync(""));
        await AssertNoTemporaryStateAsync(key);
    }
}
