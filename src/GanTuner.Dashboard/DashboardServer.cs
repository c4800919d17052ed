using System.Net;
using GanTuner.Dashboard.Hosting;
using GanTuner.Dashboard.Live;
using GanTuner.Dashboard.Views;
using GanTuner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GanTuner.Dashboard;

/// <summary>The read-only web dashboard of a study store: pages, a JSON API and a live change stream,
/// served by Kestrel. It only reads the store, and answers every method but GET and HEAD with 405.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeFeed _feed;

    private DashboardServer(WebApplication app, ChangeFeed feed, Uri address)
    {
        _app = app;
        _feed = feed;
        Address = address;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="store"/>; returns once the socket is bound.</summary>
    /// <exception cref="DashboardException">The host is not an address, or the port cannot be bound.</exception>
    public static async Task<DashboardServer> StartAsync(
        IStudyStore store, DashboardOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ParseEndpoint(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var feed = new ChangeFeed(StoreChangeProbes.For(store), options.CheckInterval);
        var reader = new StoreReader(store, feed, options.WorkingDirectory ?? Environment.CurrentDirectory);
        builder.Services.AddSingleton(feed);
        builder.Services.AddSingleton(reader);
        var app = builder.Build();
        DashboardRoutes.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            feed.Dispose();
            throw new DashboardException($"cannot listen on {options.Host}:{options.Port} ({e.Message.TrimEnd('.')})", e);
        }

        feed.Start();
        var bound = app.Urls.First();
        return new DashboardServer(app, feed, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (or the process is told to stop,
    /// e.g. by SIGTERM), then stops.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _app.Lifetime.ApplicationStopping);
        // Forced yielding: the stop must not run inline on the signal handler's thread, which disposing the
        // host's console lifetime waits for (SIGTERM would hang the process).
        await Task.Delay(Timeout.Infinite, stop.Token)
            .ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);

        await StopAsync().ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        // Open event streams end first, so Kestrel's graceful stop does not wait on them.
        _feed.Dispose();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPEndPoint ParseEndpoint(DashboardOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new DashboardException($"port {options.Port} is not between 0 and 65535");
        }

        var host = options.Host.Trim();
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, options.Port);
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            ? new IPEndPoint(address, options.Port)
            : throw new DashboardException($"host '{options.Host}' is not an IP address (try 127.0.0.1, ::1 or 0.0.0.0)");
    }
}
