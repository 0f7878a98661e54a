using Bronze.Storage;
using Bronze.Testing.Streams;

namespace Bronze.Testing;

public abstract partial class ObjectStoreContractTests
{
    /// <summary>Keys that sort differently as whole keys than folder by folder: '-' and '.' sort before '/'.</summary>
    private static readonly string[] ListingKeys =
    [
        "a/b/c.parquet", "a/b/c/deep/er", "a/b/d", "a/bc/e", "a/b-x", "a/b.y", "a/b=z/f", "a/B/g", "a-b", "a0", "z",
        "p/range=0-9999/_manifest.json", "p/range=0-9999/part-0-9999.parquet", "p/range=10000-19999/part-10000-19999.parquet",
    ];

    [Fact]
    public async Task StatAsync_MissingKey_ReturnsNull()
    {
        await PutNewAsync("present", [1, 2, 3]);

        Assert.Null(await Store.StatAsync("absent", Ct));
        Assert.Null(await Store.StatAsync("present/below", Ct));
        Assert.Null(await Store.StatAsync("pres", Ct));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<BronzeException>(() => Store.OpenReadAsync("no/such/object", Ct));

        Assert.Equal(BronzeErrorKind.NotFound, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("a/b")]
    [InlineData("a/b/")]
    [InlineData("a/b/c")]
    [InlineData("a/bc/e")]
    [InlineData("p/range=")]
    [InlineData("p/range=0-9999/")]
    [InlineData("p/range=0-9999/part")]
    [InlineData("nothing/")]
    [InlineData("a/b/d/")]
    public async Task ListAsync_Prefix_ReturnsTheMatchingKeysInOrdinalOrder(string prefix)
    {
        foreach (string key in ListingKeys) await PutNewAsync(key, TestBytes.Create(key.Length, seed: key.Length));
        ObjectInfo[] expected = [.. ListingKeys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => new ObjectInfo(k, k.Length))];

        List<ObjectInfo> listed = await ListAllAsync(prefix);

        Assert.Equal(expected, listed);
    }

    [Theory]
    [InlineData("/a")]
    [InlineData("a//")]
    [InlineData("../")]
    [InlineData("a/../b")]
    [InlineData(".bronze-tmp-")]
    [InlineData("a b")]
    public async Task ListAsync_InvalidPrefix_ThrowsInvalidInput(string prefix)
    {
        var error = await Assert.ThrowsAsync<BronzeException>(async () =>
        {
            await foreach (ObjectInfo _ in Store.ListAsync(prefix, Ct))
            {
            }
        });

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("prefix", error.Field);
    }

    [Fact]
    public async Task PutIfAbsentAsync_KeyWithEveryAllowedCharacter_RoundTrips()
    {
        const string Segment = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.=";
        string key = $"{Segment}/x.{Segment}/range=0-9/=-_.{Segment}";
        Assert.All(Segment, c => Assert.True(ObjectKey.IsAllowedChar(c)));
        byte[] bytes = TestBytes.Create(4321, seed: 9);

        PutResult result = await PutNewAsync(key, bytes);

        Assert.Equal(key, result.Key);
        Assert.Equal(new ObjectInfo(key, bytes.Length), await Store.StatAsync(key, Ct));
        Assert.Equal(bytes, await ReadAllAsync(key));
        Assert.Equal([new ObjectInfo(key, bytes.Length)], await ListAllAsync(""));
        Assert.Equal([new ObjectInfo(key, bytes.Length)], await ListAllAsync(key));
    }

    [Fact]
    public async Task PutIfAbsentAsync_LongestAllowedKey_RoundTrips()
    {
        string segment = new('s', ObjectKey.MaxSegmentLength);
        string key = string.Join('/', segment, segment, segment, segment[1..], "t");
        Assert.Equal(ObjectKey.MaxLength, key.Length);

        await PutNewAsync(key, [42]);

        Assert.Equal([42], await ReadAllAsync(key));
        Assert.Equal([new ObjectInfo(key, 1)], await ListAllAsync(""));
    }

    /// <summary>Keys every store must reject before any I/O.</summary>
    public static TheoryData<string> InvalidKeys() =>
    [
        "", "/a", "a/", "a//b", ".", "..", "../a", "a/../b", "a/./b", "./a", "a/.bronze-tmp-1", ".hidden/a", "a b", "a\\b",
        "a\u0000b", "a\nb", "\u00e4", "a?b", "a*b", "a:b", "a~b", "a+b", "a%2Fb",
        new string('x', ObjectKey.MaxSegmentLength + 1), string.Join('/', Enumerable.Repeat(new string('y', 200), 6)),
    ];

    [Fact]
    public async Task HiddenKey_ReadsAllowedWritesRejected()
    {
        // A galexie lake's .config.json is read through the stores; no store ever writes a hidden name.
        string missingFile = Path.Join(Path.GetTempPath(), "bronze-contract-missing-" + Guid.NewGuid().ToString("N"));

        Assert.Null(await Store.StatAsync("a/.config.json", Ct));
        Assert.Equal(BronzeErrorKind.NotFound, (await Assert.ThrowsAsync<BronzeException>(() => Store.OpenReadAsync(".config.json", Ct))).Kind);
        Assert.Equal(BronzeErrorKind.InvalidInput, (await Assert.ThrowsAsync<BronzeException>(() => Store.PutIfAbsentAsync(".hidden", new UnreadableStream(), Ct))).Kind);
        Assert.Equal(BronzeErrorKind.InvalidInput, (await Assert.ThrowsAsync<BronzeException>(() => Store.PutFileIfAbsentAsync("a/.hidden", missingFile, Ct))).Kind);
        Assert.Empty(await ListAllAsync(""));
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task InvalidKey_EveryOperation_ThrowsInvalidInputBeforeAnyIo(string key)
    {
        string missingFile = Path.Join(Path.GetTempPath(), "bronze-contract-missing-" + Guid.NewGuid().ToString("N"));

        BronzeException[] errors =
        [
            await Assert.ThrowsAsync<BronzeException>(() => Store.PutIfAbsentAsync(key, new UnreadableStream(), Ct)),
            await Assert.ThrowsAsync<BronzeException>(() => Store.PutFileIfAbsentAsync(key, missingFile, Ct)),
            await Assert.ThrowsAsync<BronzeException>(() => Store.StatAsync(key, Ct)),
            await Assert.ThrowsAsync<BronzeException>(() => Store.OpenReadAsync(key, Ct)),
        ];

        Assert.All(errors, e => Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (e.Kind, e.Field)));
        Assert.Empty(await ListAllAsync(""));
    }
}
