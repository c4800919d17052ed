using Microsoft.AspNetCore.Http;

namespace GanTuner.Dashboard.Hosting;

/// <summary>The first step of every request: anything but GET and HEAD is refused with 405 before any
/// endpoint runs, so no route can ever be reached by a method that could change something.</summary>
internal static class ReadOnlyMethods
{
    public const string Allowed = "GET, HEAD";

    public static async Task Enforce(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = Allowed;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"error\":\"the dashboard is read-only: only GET and HEAD are allowed\"}").ConfigureAwait(false);
    }
}
