using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bronze.S3.Tests.Servers;

/// <summary>
/// What S3 says back when a conditional write keeps colliding (409 ConditionalRequestConflict, which AWS returns while
/// another conditional write of the key is in flight), and keys too long for S3. Neither Ceph RGW nor moto answers 409
/// on demand, so a scripted HTTP endpoint stands in for the server.
/// </summary>
public sealed class ConditionalConflictTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task PutIfAbsentAsync_409UntilRetriesRunOutAndKeyMissing_ThrowsTransientInsteadOfAlreadyExists()
    {
        using var server = new ScriptedS3();
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            ServiceUrl = server.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            MaxRetries = 1,
        });

        var error = await Assert.ThrowsAsync<BronzeException>(() => store.PutIfAbsentAsync("k", new MemoryStream([1, 2, 3]), Token));

        Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("409", error.Message, StringComparison.Ordinal);
        Assert.Contains("HEAD", server.Methods);
    }

    [Fact]
    public async Task EveryOperation_KeyOver1024BytesWithThePrefix_ThrowsInvalidInputBeforeAnyRequest()
    {
        using var server = new ScriptedS3();
        using var store = new S3Store(new S3StoreOptions
        {
            Bucket = "bucket",
            Root = string.Join('/', Enumerable.Repeat(new string('p', 250), 4)),
            ServiceUrl = server.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
            MaxRetries = 0,
        });
        string key = new('k', 30);

        foreach (Func<Task> operation in (Func<Task>[])[
                     () => store.PutIfAbsentAsync(key, new MemoryStream([1]), Token), () => store.StatAsync(key, Token), () => store.OpenReadAsync(key, Token)])
        {
            var error = await Assert.ThrowsAsync<BronzeException>(operation);
            Assert.Equal((BronzeErrorKind.InvalidInput, "key"), (error.Kind, error.Field));
            Assert.Contains("at most 20 characters", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(server.Methods);
    }

    /// <summary>Answers every PUT with 409 ConditionalRequestConflict and every HEAD with 404; records the methods.</summary>
    private sealed class ScriptedS3 : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _methods = [];
        private readonly Task _serving;

        public ScriptedS3()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
            probe.Stop();
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public Uri Endpoint { get; }

        public IReadOnlyList<string> Methods
        {
            get
            {
                lock (_methods) return [.. _methods];
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                lock (_methods) _methods.Add(context.Request.HttpMethod);
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = context.Request.HttpMethod == "PUT" ? 409 : 404;
                if (context.Request.HttpMethod == "PUT")
                {
                    byte[] body = Encoding.UTF8.GetBytes(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ConditionalRequestConflict</Code><Message>A conflicting conditional operation is in progress.</Message></Error>");
                    context.Response.ContentType = "application/xml";
                    await context.Response.OutputStream.WriteAsync(body);
                }

                context.Response.Close();
            }
        }
    }
}
