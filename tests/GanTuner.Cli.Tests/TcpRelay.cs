using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GanTuner.Cli.Tests;

/// <summary>Relays TCP connections accepted on one address to a server elsewhere, and counts them by the address
/// they came from: it puts the test PostgreSQL server (which listens on 127.0.0.1 only) on a veth link.</summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;

    public TcpRelay(IPAddress listenOn, string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener = new TcpListener(listenOn, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Connections accepted, by the client's address.</summary>
    public ConcurrentDictionary<IPAddress, int> Accepted { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The accept loop ends by cancellation.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Accepted.AddOrUpdate(((IPEndPoint)client.Client.RemoteEndPoint!).Address, 1, (_, n) => n + 1);
            _ = Task.Run(() => PumpAsync(client));
        }
    }

    private async Task PumpAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token).ConfigureAwait(false);
                var near = client.GetStream();
                var far = upstream.GetStream();
                // Either side closing ends the connection: disposing both unblocks the other copy.
                await Task.WhenAny(near.CopyToAsync(far, _stop.Token), far.CopyToAsync(near, _stop.Token)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // A dropped connection is the client's to notice, as it would be without the relay.
            }
        }
    }
}
