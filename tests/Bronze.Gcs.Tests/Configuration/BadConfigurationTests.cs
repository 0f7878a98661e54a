using System.Net;
using System.Net.Sockets;

namespace Bronze.Gcs.Tests.Configuration;

public sealed class BadConfigurationTests
{
    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_EndpointNotListening_ThrowsTransientStoreFailure()
    {
        using GcsStore store = new(new GcsStoreOptions { Bucket = "bucket", Endpoint = ClosedPortEndpoint(), Anonymous = true });

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(
            () => store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken));

        Assert.Equal(BronzeErrorKind.StoreFailure, e.Kind);
        Assert.True(e.IsTransient);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StatAsync_EndpointNotListening_ThrowsTransientStoreFailure()
    {
        using GcsStore store = new(new GcsStoreOptions { Bucket = "bucket", Endpoint = ClosedPortEndpoint(), Anonymous = true });

        BronzeException e = await Assert.ThrowsAsync<BronzeException>(() => store.StatAsync("k", TestContext.Current.CancellationToken));

        Assert.Equal(BronzeErrorKind.StoreFailure, e.Kind);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void FromUrl_NotGs_ThrowsInvalidNamingLocation()
    {
        BronzeException e = Assert.Throws<BronzeException>(() => GcsStoreOptions.FromUrl("https://bucket/prefix"));

        Assert.Equal(BronzeErrorKind.InvalidInput, e.Kind);
        Assert.Equal("location", e.Field);
    }

    private static Uri ClosedPortEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
