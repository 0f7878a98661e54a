using Bronze.Errors;

namespace Bronze.Gcs.Tests.Configuration;

public sealed class GcsStoreOptionsTests
{
    [Fact]
    public void Parse_BucketAndPrefix_ReadsBoth()
    {
        GcsStoreOptions options = GcsUrl.Parse("gs://my-lake/bronze/v1/", Env());

        Assert.Equal("my-lake", options.Bucket);
        Assert.Equal("bronze/v1", options.Prefix);
        Assert.Null(options.Endpoint);
        Assert.False(options.Anonymous);
    }

    [Fact]
    public void Parse_NoPrefix_FallsBackToStoragePrefix()
    {
        GcsStoreOptions options = GcsUrl.Parse("gs://my-lake", Env(("STORAGE_PREFIX", "/raw/")));

        Assert.Equal("raw", options.Prefix);
    }

    [Fact]
    public void Parse_UrlPrefix_WinsOverStoragePrefix()
    {
        GcsStoreOptions options = GcsUrl.Parse("gs://my-lake/url", Env(("STORAGE_PREFIX", "env")));

        Assert.Equal("url", options.Prefix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gs://")]
    public void Parse_NoBucket_FallsBackToGcsBucket(string? url)
    {
        GcsStoreOptions options = GcsUrl.Parse(url, Env(("GCS_BUCKET", "env-bucket")));

        Assert.Equal("env-bucket", options.Bucket);
    }

    [Theory]
    [InlineData("127.0.0.1:9199")]
    [InlineData("http://127.0.0.1:9199")]
    [InlineData("http://127.0.0.1:9199/")]
    public void Parse_EmulatorHost_PointsAtItAnonymously(string host)
    {
        GcsStoreOptions options = GcsUrl.Parse("gs://b-1/p", Env(("STORAGE_EMULATOR_HOST", host)));

        Assert.Equal(new Uri("http://127.0.0.1:9199/"), options.Endpoint);
        Assert.True(options.Anonymous);
    }

    [Theory]
    [InlineData("s3://bucket/prefix", "url")]
    [InlineData("gs://Upper/prefix", "url")]
    [InlineData("gs://ab", "url")]
    [InlineData("gs://-bucket", "url")]
    [InlineData("gs://bucket/a//b", "url")]
    [InlineData("gs://bucket/../etc", "url")]
    [InlineData("gs://bucket/p?x=1", "url")]
    [InlineData("gs://", "url")]
    public void Parse_BadUrl_ThrowsInvalidNamingTheField(string url, string field)
    {
        BronzeException e = Assert.Throws<BronzeException>(() => GcsUrl.Parse(url, Env()));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("GCS_BUCKET", "Bad_Bucket!")]
    [InlineData("STORAGE_PREFIX", "a/../b")]
    [InlineData("STORAGE_EMULATOR_HOST", "ftp://127.0.0.1:9199")]
    [InlineData("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9199/some/path")]
    public void Parse_BadVariable_ThrowsInvalidNamingTheVariable(string variable, string value)
    {
        string url = variable == "GCS_BUCKET" ? "gs://" : "gs://bucket";

        BronzeException e = Assert.Throws<BronzeException>(() => GcsUrl.Parse(url, Env((variable, value))));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
        Assert.Equal(variable, e.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(300 * 1024)]
    public void Constructor_ChunkSizeNotMultipleOf256KiB_ThrowsInvalid(int chunkSize)
    {
        var options = new GcsStoreOptions { Bucket = "bucket", Anonymous = true, ChunkSize = chunkSize };

        BronzeException e = Assert.Throws<BronzeException>(() => new GcsStore(options));

        Assert.Equal("chunk size", e.Field);
    }

    [Fact]
    public void Constructor_RelativeEndpoint_ThrowsInvalid()
    {
        var options = new GcsStoreOptions { Bucket = "bucket", Anonymous = true, Endpoint = new Uri("/x", UriKind.Relative) };

        BronzeException e = Assert.Throws<BronzeException>(() => new GcsStore(options));

        Assert.Equal("endpoint", e.Field);
    }

    [Fact]
    public void Description_BucketAndPrefix_IsGsUrl()
    {
        using var store = new GcsStore(new GcsStoreOptions { Bucket = "bucket", Prefix = "a/b", Anonymous = true });

        Assert.Equal("gs://bucket/a/b", store.Description);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
