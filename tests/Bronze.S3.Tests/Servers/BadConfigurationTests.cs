using System.Net;
using System.Net.Sockets;
using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Servers;

/// <summary>Servers that are down or never answer give a typed, transient error within the configured time, never a hang.</summary>
public sealed class BadConfigurationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_ServerDown_ThrowsTransientStoreFailure()
    {
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            ServiceUrl = new Uri($"http://127.0.0.1:{ClosedPort()}"),
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            MaxRetries = 1,
        });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1]), Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StatAsync_ServerNeverAnswers_TimesOutWithTransientStoreFailure()
    {
        await using var proxy = new FaultProxy(new Uri("http://127.0.0.1:1"), Fault.Stall);
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            ServiceUrl = proxy.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            RequestTimeout = TimeSpan.FromSeconds(2),
        });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.StatAsync("k", Token));

        Assert.True(error.IsTransient);
        Assert.Contains("request-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StatAsync_NoCredentialsAnywhere_ThrowsStoreFailureNamingCredentials()
    {
        string endpoint = Bronze.Testing.TestServer.Require("BRONZE_TEST_S3_MOTO_ENDPOINT", "moto S3 server");
        string[] sources = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];
        if (sources.Any(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 })
            || File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials")))
        {
            Assert.Skip("This machine has AWS credentials configured; the default chain would find them.");
        }

        using var store = new S3Store(new S3StoreOptions { Bucket = "bucket", ServiceUrl = new Uri(endpoint), MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.StatAsync("k", Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.Equal("credentials", error.Field);
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_Over5GiBWithoutConditionalMultipart_ThrowsInvalidInputBeforeSending()
    {
        using var folder = new Bronze.Testing.TempDirectory();
        string path = Path.Join(folder.Path, "huge.parquet");
        using (var file = new FileStream(path, FileMode.CreateNew))
            file.SetLength(S3.S3StoreOptions.MaxSinglePutSize + 1);
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            ServiceUrl = new Uri($"http://127.0.0.1:{ClosedPort()}"),
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
        });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutFileIfAbsentAsync("huge.parquet", path, Token));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("conditional_multipart", error.Field);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
