using Bronze.Locations;
using Bronze.S3.Configuration;

namespace Bronze.S3.Tests.Configuration;

public sealed class S3StoreOptionsTests
{
    private static readonly StoreEnvironment NoEnvironment = StoreEnvironment.Empty;

    [Fact]
    public void Parse_FullUrl_ReadsEveryOption()
    {
        const string Url = "s3://my-bucket/lake/raw?endpoint=http://127.0.0.1:7480&region=eu-west-1&path-style=false"
            + "&conditional-multipart=true&checksum-sha256=on&multipart-threshold=128MiB&part-size=32MiB&parallel-parts=8"
            + "&memory-buffer=1MiB&spool-dir=/var/tmp&connect-timeout=2s&request-timeout=90s&max-retries=2";

        S3StoreOptions options = Parse(Url, NoEnvironment);

        Assert.Equal(new S3StoreOptions
        {
            Bucket = "my-bucket",
            Root = "lake/raw",
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
        S3StoreOptions options = Parse("s3://bucket", NoEnvironment);

        Assert.Equal(new S3StoreOptions { Bucket = "bucket" }, options);
        Assert.False(options.IsCustomEndpoint);
    }

    [Fact]
    public void Parse_UrlWithoutParts_FallsBackToEnvironment()
    {
        S3StoreOptions options = Parse("s3://", new StoreEnvironment(DestinationVariables.GetValueOrDefault));

        Assert.Equal(("env-bucket", "", new Uri("http://127.0.0.1:5111"), "us-west-2"),
            (options.Bucket, options.Root, options.ServiceUrl, options.Region));
    }

    [Fact]
    public void Parse_StoragePrefixSet_IsNotTheStoreRoot()
    {
        // STORAGE_PREFIX is the dataset's prefix (the CLI's --prefix), never the store's root.
        S3StoreOptions options = Parse("s3://bucket", new StoreEnvironment(DestinationVariables.GetValueOrDefault));

        Assert.Equal("", options.Root);
    }

    [Fact]
    public void Parse_EnvironmentAsWritten_IgnoresLocationDefaults()
    {
        var environment = new StoreEnvironment(DestinationVariables.GetValueOrDefault).AsWritten();

        S3StoreOptions options = Parse("s3://lake/ledgers", environment);

        Assert.Equal((null, "us-east-1", "ledgers"), (options.ServiceUrl, options.Region, options.Root));
        Assert.Equal("bucket", Assert.Throws<BronzeException>(() => Parse("s3://", environment)).Field);
    }

    [Fact]
    public void Parse_EnvironmentAsWritten_StillReadsAwsRegion()
    {
        var environment = new StoreEnvironment(name => name == "AWS_REGION" ? "eu-west-1" : null).AsWritten();

        Assert.Equal("eu-west-1", Parse("s3://lake", environment).Region);
    }

    [Fact]
    public void Parse_UrlAndEnvironment_UrlWins()
    {
        S3StoreOptions options = Parse(
            "s3://url-bucket/url?endpoint=http://127.0.0.1:7480&region=eu-central-1", new StoreEnvironment(DestinationVariables.GetValueOrDefault));

        Assert.Equal(("url-bucket", "url", new Uri("http://127.0.0.1:7480"), "eu-central-1"),
            (options.Bucket, options.Root, options.ServiceUrl, options.Region));
    }

    [Theory]
    [InlineData("http://bucket/prefix", "location")]
    [InlineData("s3://", "bucket")]
    [InlineData("s3://Bad_Bucket", "bucket")]
    [InlineData("s3://ab", "bucket")]
    [InlineData("s3://bucket/a//b", "root")]
    [InlineData("s3://bucket/a/../b", "root")]
    [InlineData("s3://bucket?endpoint=127.0.0.1:7480", "endpoint")]
    [InlineData("s3://bucket?endpoint=ftp://host", "endpoint")]
    [InlineData("s3://bucket?endpoint=http://host/path", "endpoint")]
    [InlineData("s3://bucket?region=us_east_1", "region")]
    [InlineData("s3://bucket?part-size=1MiB", "part_size")]
    [InlineData("s3://bucket?part-size=lots", "part_size")]
    [InlineData("s3://bucket?part-size=2GiB", "part_size")]
    [InlineData("s3://bucket?parallel-parts=0", "parallel_parts")]
    [InlineData("s3://bucket?connect-timeout=soon", "connect_timeout")]
    [InlineData("s3://bucket?conditional-multipart=maybe", "conditional_multipart")]
    [InlineData("s3://bucket?max-retries=20", "max_retries")]
    [InlineData("s3://bucket?no-such-option=1", "location")]
    [InlineData("s3://bucket?region=a&region=b", "location")]
    [InlineData("s3://bucket?region=", "location")]
    public void Parse_BadValue_ThrowsInvalidInputNamingTheField(string url, string field)
    {
        var error = Assert.Throws<BronzeException>(() => Parse(url, NoEnvironment));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Parse_PartSizeAtTheLargestArray_IsAcceptedAndOneMiBMoreIsNot()
    {
        Assert.Equal(S3StoreOptions.MaxPartSize, Parse("s3://bucket?part-size=2047MiB", NoEnvironment).PartSize);

        var error = Assert.Throws<BronzeException>(() => Parse("s3://bucket?part-size=2048MiB", NoEnvironment));
        Assert.Equal("part_size must be between 5242880 and 2146435072 (got \"2147483648\").", error.Message);
    }

    [Fact]
    public void Parse_BadEndpointInEnvironment_NamesTheSettingAndTheVariable()
    {
        var error = Assert.Throws<BronzeException>(() => Parse("s3://bucket", new StoreEnvironment(name => name == "S3_ENDPOINT" ? "not a url" : null)));

        Assert.Equal("endpoint", error.Field);
        Assert.StartsWith("S3_ENDPOINT must be", error.Message, StringComparison.Ordinal);
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

        Assert.Equal("parallel_parts", error.Field);
    }

    private static readonly Dictionary<string, string?> DestinationVariables = new()
    {
        ["S3_BUCKET"] = "env-bucket",
        ["STORAGE_PREFIX"] = "env/prefix",
        ["S3_ENDPOINT"] = "http://127.0.0.1:5111",
        ["S3_REGION"] = "us-west-2",
    };

    private static S3StoreOptions Parse(string url, StoreEnvironment environment) => S3UrlParser.Parse(StoreLocation.Parse(url), environment);
}
