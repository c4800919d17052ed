using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanTuner.Cli.Tests.Data;

/// <summary>A stand-in for Yahoo Finance on 127.0.0.1 that gives every request the same answer.</summary>
internal sealed class OneShotChartServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public OneShotChartServer(int status, string body)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        var bytes = Encoding.UTF8.GetBytes(body);
        _loop = Task.Run(async () =>
        {
            while (true)
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

                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = status;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    public const string Chart = """
        {"chart":{"result":[{"meta":{"gmtoffset":-18000},
        "timestamp":[1709303400,1709562600,1709649000,1709735400],
        "indicators":{"quote":[{"open":[5098.51,5130.99,5110.52,5108.03],"high":[5140.33,5149.67,5114.54,5127.97],
        "low":[5094.16,5127.18,5056.82,5092.22],"close":[5137.08,5130.95,5078.65,5104.76],
        "volume":[3886850000,4758440000,4418410000,4559050000]}],
        "adjclose":[{"adjclose":[5137.08,5130.95,5078.65,5104.76]}]}}],"error":null}}
        """;

    public const string NotFound = """
        {"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}
        """;
}
