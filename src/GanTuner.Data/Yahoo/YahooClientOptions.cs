namespace GanTuner.Data.Yahoo;

/// <summary>Where and how patiently to ask Yahoo Finance for daily bars.</summary>
/// <param name="BaseUrl">Scheme and host of the chart API, e.g. https://query1.finance.yahoo.com.</param>
/// <param name="MaxRetryAttempts">Retries after the first attempt on timeouts, 429 and 5xx.</param>
/// <param name="BaseDelay">First back-off delay; later ones grow exponentially.</param>
/// <param name="AttemptTimeout">How long one attempt may take.</param>
public sealed record YahooClientOptions(
    Uri BaseUrl,
    int MaxRetryAttempts = 3,
    TimeSpan? BaseDelay = null,
    TimeSpan? AttemptTimeout = null)
{
    public const string BaseUrlVariable = "GANTUNER_YAHOO_BASE_URL";

    public static Uri DefaultBaseUrl { get; } = new("https://query1.finance.yahoo.com");

    public TimeSpan Delay => BaseDelay ?? TimeSpan.FromSeconds(1);

    public TimeSpan Timeout => AttemptTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The base URL from an explicit option, else <c>GANTUNER_YAHOO_BASE_URL</c>, else Yahoo's own.</summary>
    /// <exception cref="YahooFinanceException">The chosen URL is not an absolute http(s) URL.</exception>
    public static YahooClientOptions FromOptionOrEnvironment(string? baseUrl)
    {
        var text = string.IsNullOrWhiteSpace(baseUrl) ? Environment.GetEnvironmentVariable(BaseUrlVariable) : baseUrl;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new YahooClientOptions(DefaultBaseUrl);
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new YahooFinanceException($"'{text}' is not an http(s) URL for the Yahoo Finance base");
        }

        return new YahooClientOptions(uri);
    }
}
