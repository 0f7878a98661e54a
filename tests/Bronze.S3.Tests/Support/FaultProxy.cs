using System.Net;
using System.Net.Sockets;

namespace Bronze.S3.Tests.Support;

/// <summary>What the proxy does to the bytes a client sends to the server.</summary>
public enum Fault
{
    /// <summary>Forwards everything unchanged.</summary>
    None,

    /// <summary>Resets a connection once it has carried <see cref="FaultProxy.Offset"/> bytes towards the server.</summary>
    Cut,

    /// <summary>Flips the byte at <see cref="FaultProxy.Offset"/> of each connection's bytes towards the server.</summary>
    Corrupt,

    /// <summary>Accepts connections and reads them, but never answers or forwards anything.</summary>
    Stall,

    /// <summary>
    /// On the first connection only, forwards the request but never the response: once the server has answered
    /// <c>200</c> the client's connection is reset, as when a response is lost after the server committed the write.
    /// </summary>
    LoseFirstResponse,

    /// <summary>
    /// Cuts the first connection as <see cref="Cut"/> does, answers the second itself with 403
    /// <c>SignatureDoesNotMatch</c> (as Ceph RGW 16 once answered a PUT after reset connections), and forwards the rest.
    /// </summary>
    CutThenForbid,
}

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server that injects one <see cref="Fault"/>: dropped connections
/// mid-upload, flipped bytes, or a server that never answers.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _faultsInjected;
    private int _connections;

    /// <summary>Starts the proxy in front of <paramref name="upstream"/>.</summary>
    public FaultProxy(Uri upstream, Fault fault, long offset = 0)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        Fault = fault;
        Offset = offset;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The fault injected.</summary>
    public Fault Fault { get; }

    /// <summary>Where in each connection's upstream bytes the fault hits.</summary>
    public long Offset { get; }

    /// <summary>How many times the fault was injected (connections cut or bytes flipped).</summary>
    public int FaultsInjected => Volatile.Read(ref _faultsInjected);

    /// <summary>The proxy's address, to use as the store's endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client = await _listener.AcceptSocketAsync(_stop.Token);
                connections.Add(HandleAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task HandleAsync(Socket client)
    {
        using (client)
        {
            if (Fault == Fault.Stall)
            {
                await DrainAsync(client);
                return;
            }

            int connection = Interlocked.Increment(ref _connections);
            if (Fault == Fault.CutThenForbid && connection == 2)
            {
                Interlocked.Increment(ref _faultsInjected);
                await ForbidAsync(client);
                return;
            }

            using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(_upstream, _stop.Token);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                bool loseResponse = Fault == Fault.LoseFirstResponse && connection == 1;
                Task up = PumpAsync(client, server, faulty: Fault != Fault.CutThenForbid || connection == 1, linked.Token);
                Task down = loseResponse ? LoseResponseAsync(server, client, linked.Token) : PumpAsync(server, client, faulty: false, linked.Token);
                await Task.WhenAny(up, down);
                await linked.CancelAsync();
                await Task.WhenAll(up.ContinueWith(_ => { }, TaskScheduler.Default), down.ContinueWith(_ => { }, TaskScheduler.Default));
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection ended.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool faulty, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64 << 10];
        long position = 0;
        try
        {
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (faulty && Fault is (Fault.Cut or Fault.CutThenForbid) && position + read >= Offset)
                {
                    Interlocked.Increment(ref _faultsInjected);
                    int before = (int)(Offset - position);
                    if (before > 0) await to.SendAsync(buffer.AsMemory(0, before), SocketFlags.None, cancellationToken);
                    Reset(from);
                    Reset(to);
                    return;
                }

                if (faulty && Fault == Fault.Corrupt && position <= Offset && Offset < position + read)
                {
                    Interlocked.Increment(ref _faultsInjected);
                    buffer[Offset - position] ^= 0x5a;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                position += read;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Reset(to);
        }
    }

    /// <summary>Swallows what the server sends; resets the client once the final 200 status line has come.</summary>
    private async Task LoseResponseAsync(Socket server, Socket client, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64 << 10];
        var seen = new System.Text.StringBuilder();
        try
        {
            int read;
            while ((read = await server.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                seen.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                if (seen.ToString().Contains(" 200 ", StringComparison.Ordinal)) break;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The server went away first.
        }

        Interlocked.Increment(ref _faultsInjected);
        Reset(client);
    }

    /// <summary>Reads the request's headers, answers 403 SignatureDoesNotMatch and closes the connection.</summary>
    private async Task ForbidAsync(Socket client)
    {
        const string Body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message></Message></Error>";
        string response = "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nConnection: close\r\n"
            + $"Content-Length: {Body.Length}\r\n\r\n{Body}";
        byte[] buffer = new byte[64 << 10];
        var seen = new System.Text.StringBuilder();
        try
        {
            int read;
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal)
                   && (read = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                seen.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            await client.SendAsync(System.Text.Encoding.ASCII.GetBytes(response), SocketFlags.None, _stop.Token);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The client went away first.
        }
    }

    private async Task DrainAsync(Socket client)
    {
        byte[] buffer = new byte[64 << 10];
        try
        {
            while (await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Closes with a TCP reset, as a crashed peer or a dropped network path does.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
