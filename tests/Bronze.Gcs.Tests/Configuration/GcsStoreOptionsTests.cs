using Bronze.Locations;

namespace Bronze.Gcs.Tests.Configuration;

public sealed class GcsStoreOptionsTests
{
    [Fact]
    public void Parse_BucketAndPrefix_ReadsBoth()
    {
        GcsStoreOptions options = Parse("gs://my-lake/bronze/v1/", Env());

        Assert.Equal("my-lake", options.Bucket);
        Assert.Equal("bronze/v1", options.Root);
        Assert.Null(options.Endpoint);
        Assert.False(options.Anonymous);
    }

    [Fact]
    public void Parse_StoragePrefixSet_IsNotTheStoreRoot()
    {
        // STORAGE_PREFIX is the dataset's prefix (the CLI's --prefix), never the store's root.
        GcsStoreOptions options = Parse("gs://my-lake", Env(("STORAGE_PREFIX", "raw")));

        Assert.Equal("", options.Root);
    }

    [Fact]
    public void Parse_NoBucket_FallsBackToGcsBucket()
    {
        GcsStoreOptions options = Parse("gs://", Env(("GCS_BUCKET", "env-bucket")));

        Assert.Equal("env-bucket", options.Bucket);
    }

    [Fact]
    public void Parse_EnvironmentAsWritten_IgnoresGcsBucketButNotTheEmulator()
    {
        StoreEnvironment environment = Env(("GCS_BUCKET", "env-bucket"), ("STORAGE_EMULATOR_HOST", "127.0.0.1:9199")).AsWritten();

        Assert.Equal("bucket", Assert.Throws<BronzeException>(() => Parse("gs://", environment)).Field);
        Assert.Equal(new Uri("http://127.0.0.1:9199/"), Parse("gs://lake", environment).Endpoint);
    }

    [Theory]
    [InlineData("127.0.0.1:9199")]
    [InlineData("http://127.0.0.1:9199")]
    [InlineData("http://127.0.0.1:9199/")]
    public void Parse_EmulatorHost_PointsAtItAnonymously(string host)
    {
        GcsStoreOptions options = Parse("gs://b-1/p", Env(("STORAGE_EMULATOR_HOST", host)));

        Assert.Equal(new Uri("http://127.0.0.1:9199/"), options.Endpoint);
        Assert.True(options.Anonymous);
    }

    [Theory]
    [InlineData("s3://bucket/prefix", "location")]
    [InlineData("gs://Upper/prefix", "bucket")]
    [InlineData("gs://ab", "bucket")]
    [InlineData("gs://-bucket", "bucket")]
    [InlineData("gs://bucket/a//b", "root")]
    [InlineData("gs://bucket/../etc", "root")]
    [InlineData("gs://bucket/p?x=1", "location")]
    [InlineData("gs://bucket/p#x", "location")]
    [InlineData("gs://", "bucket")]
    public void Parse_BadUrl_ThrowsInvalidNamingTheField(string url, string field)
    {
        BronzeException e = Assert.Throws<BronzeException>(() => Parse(url, Env()));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("GCS_BUCKET", "Bad_Bucket!", "bucket")]
    [InlineData("STORAGE_EMULATOR_HOST", "ftp://127.0.0.1:9199", "endpoint")]
    [InlineData("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9199/some/path", "endpoint")]
    public void Parse_BadVariable_ThrowsInvalidNamingTheSetting(string variable, string value, string field)
    {
        string url = variable == "GCS_BUCKET" ? "gs://" : "gs://bucket";

        BronzeException e = Assert.Throws<BronzeException>(() => Parse(url, Env((variable, value))));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(300 * 1024)]
    public void Constructor_ChunkSizeNotMultipleOf256KiB_ThrowsInvalid(int chunkSize)
    {
        var options = new GcsStoreOptions { Bucket = "bucket", Anonymous = true, ChunkSize = chunkSize };

        BronzeException e = Assert.Throws<BronzeException>(() => new GcsStore(options));

        Assert.Equal("chunk_size", e.Field);
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
        using var store = new GcsStore(new GcsStoreOptions { Bucket = "bucket", Root = "a/b", Anonymous = true });

        Assert.Equal("gs://bucket/a/b", store.Description);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Constructor_MaxRetriesOutOfRange_ThrowsInvalid(int retries)
    {
        var options = new GcsStoreOptions { Bucket = "bucket", Anonymous = true, MaxRetries = retries };

        Assert.Equal("max_retries", Assert.Throws<BronzeException>(() => new GcsStore(options)).Field);
    }

    private static GcsStoreOptions Parse(string url, StoreEnvironment environment) => GcsUrl.Parse(StoreLocation.Parse(url), environment);

    private static StoreEnvironment Env(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value);
}
