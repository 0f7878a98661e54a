using Bronze.Errors;
using Bronze.S3.Configuration;

namespace Bronze.S3.Tests.Configuration;

public sealed class S3StoreOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Parse_FullUrl_ReadsEveryOption()
    {
        const string Url = "s3://my-bucket/lake/raw?endpoint=http://127.0.0.1:7480&region=eu-west-1&path-style=false"
            + "&conditional-multipart=true&checksum-sha256=on&multipart-threshold=128MiB&part-size=32MiB&parallel-parts=8"
            + "&memory-buffer=1MiB&spool-dir=/var/tmp&connect-timeout=2s&request-timeout=90s&max-retries=2";

        S3StoreOptions options = S3UrlParser.Parse(Url, NoEnvironment);

        Assert.Equal(new S3StoreOptions
        {
            Bucket = "my-bucket",
            Prefix = "lake/raw",
            ServiceUrl = new Uri("http://127.0.0.1:7480"),
            Region = "eu-west-1",
            ForcePathStyle = false,
            ConditionalMultipart = true,
            ChecksumSha256 = true,
            MultipartThreshold = 128L << 20,
            PartSize = 32L << 20,
            MaxParallelParts = 8,
            MemoryBufferSize = 1 << 20,
            SpoolDirectory = "/var/tmp",
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(90),
            MaxRetries = 2,
        }, options);
    }

    [Fact]
    public void Parse_BucketOnly_UsesAwsDefaults()
    {
        S3StoreOptions options = S3UrlParser.Parse("s3://bucket", NoEnvironment);

        Assert.Equal(new S3StoreOptions { Bucket = "bucket" }, options);
        Assert.False(options.IsCustomEndpoint);
    }

    [Fact]
    public void Parse_UrlWithoutParts_FallsBackToEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["S3_BUCKET"] = "env-bucket",
            ["STORAGE_PREFIX"] = "env/prefix",
            ["S3_ENDPOINT"] = "http://127.0.0.1:5111",
            ["S3_REGION"] = "us-west-2",
        };

        S3StoreOptions options = S3UrlParser.Parse("s3://", environment.GetValueOrDefault);

        Assert.Equal(("env-bucket", "env/prefix", new Uri("http://127.0.0.1:5111"), "us-west-2"),
            (options.Bucket, options.Prefix, options.ServiceUrl, options.Region));
    }

    [Fact]
    public void Parse_UrlAndEnvironment_UrlWins()
    {
        var environment = new Dictionary<string, string>
        {
            ["S3_BUCKET"] = "env-bucket",
            ["STORAGE_PREFIX"] = "env",
            ["S3_ENDPOINT"] = "http://127.0.0.1:5111",
            ["S3_REGION"] = "us-west-2",
        };

        S3StoreOptions options = S3UrlParser.Parse("s3://url-bucket/url?endpoint=http://127.0.0.1:7480&region=eu-central-1", environment.GetValueOrDefault);

        Assert.Equal(("url-bucket", "url", new Uri("http://127.0.0.1:7480"), "eu-central-1"),
            (options.Bucket, options.Prefix, options.ServiceUrl, options.Region));
    }

    [Theory]
    [InlineData("http://bucket/prefix", "dest")]
    [InlineData("s3://", "bucket")]
    [InlineData("s3://Bad_Bucket", "bucket")]
    [InlineData("s3://ab", "bucket")]
    [InlineData("s3://bucket/a//b", "prefix")]
    [InlineData("s3://bucket/a/../b", "prefix")]
    [InlineData("s3://bucket?endpoint=127.0.0.1:7480", "endpoint")]
    [InlineData("s3://bucket?endpoint=ftp://host", "endpoint")]
    [InlineData("s3://bucket?endpoint=http://host/path", "endpoint")]
    [InlineData("s3://bucket?region=us_east_1", "region")]
    [InlineData("s3://bucket?part-size=1MiB", "part-size")]
    [InlineData("s3://bucket?part-size=lots", "part-size")]
    [InlineData("s3://bucket?parallel-parts=0", "parallel-parts")]
    [InlineData("s3://bucket?connect-timeout=soon", "connect-timeout")]
    [InlineData("s3://bucket?conditional-multipart=maybe", "conditional-multipart")]
    [InlineData("s3://bucket?no-such-option=1", "dest")]
    [InlineData("s3://bucket?region=a&region=b", "dest")]
    [InlineData("s3://bucket?region=", "region")]
    public void Parse_BadValue_ThrowsInvalidInputNamingTheField(string url, string field)
    {
        var error = Assert.Throws<BronzeException>(() => S3UrlParser.Parse(url, NoEnvironment));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Parse_BadEndpointInEnvironment_NamesTheVariable()
    {
        var error = Assert.Throws<BronzeException>(() => S3UrlParser.Parse("s3://bucket", name => name == "S3_ENDPOINT" ? "not a url" : null));

        Assert.Equal("S3_ENDPOINT", error.Field);
    }

    [Fact]
    public void FromUrl_ValidUrl_ReturnsValidatedOptions()
    {
        S3StoreOptions options = S3StoreOptions.FromUrl("s3://bucket/p?endpoint=http://127.0.0.1:7480&region=us-east-1");

        Assert.Equal(new Uri("http://127.0.0.1:7480"), options.ServiceUrl);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsBeforeAnyRequest()
    {
        var error = Assert.Throws<BronzeException>(() => new S3Store(new S3StoreOptions { Bucket = "bucket", MaxParallelParts = 100 }));

        Assert.Equal("parallel-parts", error.Field);
    }
}
