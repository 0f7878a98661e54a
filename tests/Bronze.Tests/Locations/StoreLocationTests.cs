using Bronze.Locations;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Locations;

public sealed class StoreLocationTests
{
    [Fact]
    public void Parse_RelativePath_IsAnAbsoluteLocalFolder()
    {
        StoreLocation location = StoreLocation.Parse("out/lake");

        Assert.True(location.IsLocal);
        Assert.Equal(Path.GetFullPath("out/lake"), location.Root);
    }

    [Fact]
    public void Parse_FileUrl_IsItsLocalPath()
    {
        StoreLocation location = StoreLocation.Parse("file:///data/lake");

        Assert.Equal(("file", "/data/lake"), (location.Scheme, location.Root));
    }

    [Fact]
    public void Parse_BucketUrl_SplitsBucketRootAndOptions()
    {
        StoreLocation location = StoreLocation.Parse("S3://lake/a/b/?Region=eu-west-1&endpoint=http%3A%2F%2Fh%3A1");

        Assert.Equal(("s3", "lake", "a/b"), (location.Scheme, location.Bucket, location.Root));
        Assert.Equal([new("region", "eu-west-1"), new("endpoint", "http://h:1")], location.Options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gs://bucket/p#frag")]
    [InlineData("s3://bucket?region=a&region=b")]
    [InlineData("s3://bucket?region")]
    [InlineData("s3://bucket?region=")]
    [InlineData("file://host/x")]
    [InlineData("1x://bucket")]
    public void Parse_Malformed_ThrowsInvalidNamingLocation(string text)
    {
        BronzeException e = Assert.Throws<BronzeException>(() => StoreLocation.Parse(text));

        Assert.Equal((BronzeErrorKind.InvalidInput, "location"), (e.Kind, e.Field));
    }

    [Fact]
    public void SplitObject_ObjectUrl_IsItsFolderAndName()
    {
        (StoreLocation folder, string key) = StoreLocation.Parse("s3://b/x/y/part.parquet?region=r").SplitObject();

        Assert.Equal(("b", "x/y", "part.parquet", 1), (folder.Bucket, folder.Root, key, folder.Options.Count));
    }

    [Theory]
    [InlineData("s3://bucket")]
    [InlineData("gs://bucket/folder/")]
    [InlineData("s3:///file.parquet")]
    public void SplitObject_NoObject_ThrowsInvalid(string text) =>
        Assert.Equal("location", Assert.Throws<BronzeException>(() => StoreLocation.Parse(text).SplitObject()).Field);

    [Fact]
    public void Open_UnknownScheme_ThrowsNamingTheKnownSchemes()
    {
        BronzeException e = Assert.Throws<BronzeException>(() => StoreSchemes.Local.Open("s3://bucket", StoreEnvironment.Empty));

        Assert.Equal("location", e.Field);
        Assert.StartsWith("location must be a local path or a file:// URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_SameName_ReplacesTheScheme()
    {
        StoreSchemes schemes = StoreSchemes.Local.With(new FakeScheme("mem")).With(new FakeScheme("mem"));

        Assert.Equal(["file", "mem"], schemes.Names);
        Assert.IsType<ScriptedStore>(schemes.Open("mem://b/r", StoreEnvironment.Empty));
    }

    [Fact]
    public void Open_LocalFile_ThrowsInvalidAndCreatesNothing()
    {
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "f");
        File.WriteAllText(file, "x");

        BronzeException e = Assert.Throws<BronzeException>(() => StoreSchemes.Local.Open(file, StoreEnvironment.Empty));

        Assert.Equal("location", e.Field);
        Assert.Contains("is a file, not a folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocationDefault_AsWritten_IsNullButClientVariablesRemain()
    {
        StoreEnvironment environment = new StoreEnvironment(name => " " + name + " ").AsWritten();

        Assert.Equal((null, "X"), (environment.LocationDefault("X"), environment.Client("X")));
    }

    private sealed class FakeScheme(string name) : IStoreScheme
    {
        public string Name => name;

        public string Example => name + "://bucket";

        public IObjectStore Open(StoreLocation location, StoreEnvironment environment) => new ScriptedStore();
    }

    private sealed class ScriptedStore : IObjectStore
    {
        public string Description => "scripted";

        public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
