using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

public sealed class ReadableKeyTests
{
    [Theory]
    [InlineData(".config.json")]
    [InlineData("lake/.config.json")]
    [InlineData("a/b.parquet")]
    public void ValidateReadable_KeyOrHiddenLastSegment_IsAccepted(string key) => Assert.Equal(key, ObjectKey.ValidateReadable(key));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/..")]
    [InlineData("..x")]
    [InlineData(".hidden/a")]
    [InlineData("a//.config.json")]
    [InlineData("a/.bronze-tmp-1")]
    public void ValidateReadable_DotSegmentsOrHiddenFolder_AreRejected(string key)
    {
        Assert.Equal(BronzeErrorKind.InvalidInput, Assert.Throws<BronzeException>(() => ObjectKey.ValidateReadable(key)).Kind);
    }

    [Fact]
    public async Task LocalStore_HiddenKey_IsReadableButNeverWritable()
    {
        using var folder = new TempDirectory();
        var store = new LocalStore(folder.Path);
        await File.WriteAllTextAsync(Path.Join(folder.Path, ".config.json"), "{}", TestContext.Current.CancellationToken);

        await using Stream read = await store.OpenReadAsync(".config.json", TestContext.Current.CancellationToken);
        ObjectInfo? info = await store.StatAsync(".config.json", TestContext.Current.CancellationToken);
        using var content = new MemoryStream([1]);
        var write = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync(".other.json", content, TestContext.Current.CancellationToken));

        Assert.Equal(2, info?.Size);
        Assert.Equal(BronzeErrorKind.InvalidInput, write.Kind);
    }
}
