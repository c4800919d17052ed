using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GanTuner.Data.Yahoo;

/// <summary>
/// Downloads daily bars through Yahoo Finance's chart API (<c>/v8/finance/chart/{symbol}</c>). Timeouts, 429 and
/// 5xx answers are retried with exponential back-off by a Polly pipeline; every other failure is a
/// <see cref="YahooFinanceException"/> with one readable line.
/// </summary>
public sealed class YahooFinanceClient : IDisposable
{
    // Yahoo refuses requests without a browser-like agent.
    private const string UserAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    private readonly HttpClient _http;
    private readonly YahooClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public YahooFinanceClient(YahooClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // The pipeline owns per-attempt timeouts; the client's own would cut retries short.
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>Daily bars from <paramref name="from"/> to <paramref name="to"/> inclusive (defaults: all history, today).</summary>
    public async Task<PriceSeries> FetchAsync(string symbol, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        symbol = symbol.Trim();
        var first = from ?? Earliest;
        var last = to ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (last < first)
        {
            throw new YahooFinanceException($"--to {Iso(last)} is before --from {Iso(first)}");
        }

        var url = ChartUrl(symbol, first, last);
        var json = await GetAsync(url, symbol, cancellationToken).ConfigureAwait(false);
        return YahooChartParser.Parse(json, symbol, $"Yahoo Finance {symbol}");
    }

    /// <summary>Downloads in full, then replaces <paramref name="path"/> in one rename; a failure leaves it as it was.</summary>
    public async Task<PriceSeries> DownloadAsync(string symbol, string path, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var series = await FetchAsync(symbol, from, to, cancellationToken).ConfigureAwait(false);
        YahooCsvWriter.WriteFileAtomically(series, path);
        return series;
    }

    public void Dispose() => _http.Dispose();

    private Uri ChartUrl(string symbol, DateOnly first, DateOnly last)
    {
        var period1 = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        // period2 is exclusive: the day after the last one asked for.
        var period2 = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var query = string.Create(CultureInfo.InvariantCulture, $"period1={period1}&period2={period2}&interval=1d&events=history");
        return new Uri(_options.BaseUrl, $"/v8/finance/chart/{Uri.EscapeDataString(symbol)}?{query}");
    }

    private async Task<string> GetAsync(Uri url, string symbol, CancellationToken cancellationToken)
    {
        var attempts = _options.MaxRetryAttempts + 1;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token => await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new YahooFinanceException(
                $"Yahoo Finance at {_options.BaseUrl.Authority} did not answer within {_options.Timeout.TotalSeconds:0.###} s ({attempts} attempts)", e);
        }
        catch (HttpRequestException e)
        {
            throw new YahooFinanceException($"cannot reach Yahoo Finance at {_options.BaseUrl.Authority}: {e.Message} ({attempts} attempts)", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new YahooFinanceException(ErrorDescription(body, symbol)
                    ?? $"Yahoo Finance does not know the symbol '{symbol}' (404 Not Found)");
            }

            var retried = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? $" after {attempts} attempts"
                : string.Empty;
            throw new YahooFinanceException(
                $"Yahoo Finance answered {(int)response.StatusCode} {response.ReasonPhrase} for '{symbol}'{retried}");
        }
    }

    private static string? ErrorDescription(string body, string symbol)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("chart", out var chart)
                && chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? YahooChartParser.UnknownSymbol(symbol, error).Message
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
