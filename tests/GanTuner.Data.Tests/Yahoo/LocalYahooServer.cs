using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanTuner.Data.Tests.Yahoo;

/// <summary>An HTTP server on 127.0.0.1 that replays scripted answers in order, standing in for Yahoo Finance.</summary>
internal sealed class LocalYahooServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly Task _loop;
    // Not disposed: Dispose may run twice (a test closes the server early), and a token without a timer holds nothing.
    private readonly CancellationTokenSource _closing = new();

    public LocalYahooServer(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Url, string? UserAgent)> Requests { get; } = new();

    public void Dispose()
    {
        _closing.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by its listener being closed under it.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Requests.Enqueue((context.Request.RawUrl ?? string.Empty, context.Request.UserAgent));
        var reply = _replies.TryDequeue(out var next) ? next : new Reply(500, "no scripted reply left");
        try
        {
            if (reply.Delay == Reply.Never)
            {
                // Answers only when the test is over: no timeout, however slow the machine, can outlast it.
                await Task.Delay(Timeout.InfiniteTimeSpan, _closing.Token);
            }
            else if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client gave up on this attempt (a timeout test); nothing to answer.
        }
    }

    internal sealed record Reply(int Status, string Body, TimeSpan Delay = default)
    {
        /// <summary>A <see cref="Delay"/> that never ends while the server runs.</summary>
        public static readonly TimeSpan Never = Timeout.InfiniteTimeSpan;
    }
}
