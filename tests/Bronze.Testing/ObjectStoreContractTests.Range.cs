
namespace Bronze.Testing;

public abstract partial class ObjectStoreContractTests
{
    [Theory]
    [InlineData(0, 10)] // the head
    [InlineData(1000, 4096)] // the middle
    [InlineData(1_000_000 - 8, 8)] // the last bytes, as a Parquet footer reader asks
    [InlineData(1_000_000 - 8, 64)] // a range past the end: what is there
    [InlineData(0, 1_000_000)] // all of it
    public async Task ReadRangeAsync_Range_ReturnsThoseBytes(long offset, int length)
    {
        byte[] content = TestBytes.Create(1_000_000, seed: 7);
        await PutNewAsync("ranged/object", content);

        byte[] read = await Store.ReadRangeAsync("ranged/object", offset, length, Ct);

        Assert.Equal(content.AsSpan((int)offset, (int)Math.Min(length, content.Length - offset)).ToArray(), read);
    }

    [Theory]
    [InlineData(100, 1)] // at the end
    [InlineData(5000, 10)] // past the end
    [InlineData(3, 0)] // nothing asked
    public async Task ReadRangeAsync_NothingThere_ReturnsEmpty(long offset, int length)
    {
        await PutNewAsync("ranged/small", TestBytes.Create(100, seed: 3));

        byte[] read = await Store.ReadRangeAsync("ranged/small", offset, length, Ct);

        Assert.Empty(read);
    }

    [Fact]
    public async Task ReadRangeAsync_EmptyObject_ReturnsEmpty()
    {
        await PutNewAsync("ranged/empty", []);

        Assert.Empty(await Store.ReadRangeAsync("ranged/empty", 0, 8, Ct));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0)]
    public async Task ReadRangeAsync_MissingKey_ThrowsNotFound(int length)
    {
        var error = await Assert.ThrowsAsync<BronzeException>(() => Store.ReadRangeAsync("no/such/object", 0, length, Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task ReadRangeAsync_NegativeOffset_ThrowsArgumentOutOfRange()
    {
        await PutNewAsync("ranged/small", TestBytes.Create(10, seed: 3));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadRangeAsync("ranged/small", -1, 4, Ct));
    }
}
