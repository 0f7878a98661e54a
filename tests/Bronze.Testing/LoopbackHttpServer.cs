using System.Net;
using System.Net.Sockets;

namespace Bronze.Testing;

/// <summary>
/// An HTTP server on a free loopback port that hands each request, one at a time, to a handler: the base of the
/// scripted endpoints that stand in for S3 and Cloud Storage where no real server answers on demand.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _serving;

    /// <summary>Starts serving.</summary>
    /// <param name="handle">Answers one request (and closes its response).</param>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root URL.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
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

            try
            {
                await _handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away (a timeout, a cancelled request): nothing to answer.
            }
        }
    }
}
