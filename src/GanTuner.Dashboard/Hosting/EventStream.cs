using System.Globalization;
using GanTuner.Dashboard.Live;
using Microsoft.AspNetCore.Http;

namespace GanTuner.Dashboard.Hosting;

/// <summary>Server-Sent Events: one <c>change</c> event with the store's version as soon as the server sees a
/// write, so a page refreshes its data only then (it never polls). A comment every 15 s keeps proxies from
/// closing an idle stream.</summary>
internal static class EventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task Serve(HttpContext context, ChangeFeed feed)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, feed.Stopping);
        try
        {
            var seen = feed.Check();
            await response.WriteAsync("retry: 1000\n\n", stop.Token).ConfigureAwait(false);
            await Send(response, seen, stop.Token).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await feed.WhenAfter(seen, stop.Token).WaitAsync(KeepAlive, stop.Token).ConfigureAwait(false);
                    seen = feed.Version;
                    await Send(response, seen, stop.Token).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await response.WriteAsync(": keep-alive\n\n", stop.Token).ConfigureAwait(false);
                    await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is stopping.
        }
    }

    private static async Task Send(HttpResponse response, long version, CancellationToken cancellationToken)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"event: change\ndata: {{\"version\":{version}}}\n\n");
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
