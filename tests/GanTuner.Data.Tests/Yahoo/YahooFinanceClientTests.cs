using GanTuner.Data.Csv;
using GanTuner.Data.Yahoo;
using Reply = GanTuner.Data.Tests.Yahoo.LocalYahooServer.Reply;

namespace GanTuner.Data.Tests.Yahoo;

public sealed class YahooFinanceClientTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-yahoo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static YahooFinanceClient Client(LocalYahooServer server, TimeSpan? timeout = null) =>
        new(new YahooClientOptions(server.BaseUrl, MaxRetryAttempts: 3, BaseDelay: TimeSpan.FromMilliseconds(5), AttemptTimeout: timeout ?? TimeSpan.FromSeconds(10)));

    [Fact]
    public async Task Success_downloads_daily_bars_and_writes_yahoo_csv()
    {
        using var server = new LocalYahooServer(new Reply(200, ChartJson.Success));
        using var client = Client(server);
        var path = Path.Combine(_dir, "gspc.csv");

        var series = await client.DownloadAsync("^GSPC", path, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 6));

        Assert.Equal([new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 6)], series.Dates);
        var (url, agent) = Assert.Single(server.Requests);
        Assert.Equal("/v8/finance/chart/%5EGSPC?period1=1709251200&period2=1709769600&interval=1d&events=history", url);
        Assert.Contains("Mozilla/5.0", agent, StringComparison.Ordinal);
        var lines = File.ReadAllLines(path);
        Assert.Equal("Date,Open,High,Low,Close,Adj Close,Volume", lines[0]);
        Assert.Equal("2024-03-01,5098.51,5140.33,5094.16,5137.08,5137.08,3886850000", lines[1]);
        var reread = PriceCsvReader.ReadFile(path);
        Assert.Equal(series.Close, reread.Close);
        Assert.Equal(series.Volume, reread.Volume);
    }

    [Fact]
    public async Task Bars_without_a_close_are_skipped_and_other_nulls_kept_as_missing()
    {
        using var server = new LocalYahooServer(new Reply(200, ChartJson.WithNulls));
        using var client = Client(server);
        var path = Path.Combine(_dir, "nulls.csv");

        var series = await client.DownloadAsync("^GSPC", path);

        Assert.Equal(3, series.Count);
        Assert.DoesNotContain(new DateOnly(2024, 3, 4), series.Dates);
        Assert.True(double.IsNaN(series.Volume![1]));
        Assert.Equal("2024-03-05,5110.52,5114.54,5056.82,5078.65,5078.65,null", File.ReadAllLines(path)[2]);
        Assert.Equal(3, PriceCsvReader.ReadFile(path).Count);
    }

    [Fact]
    public async Task Unknown_symbol_is_a_clear_error()
    {
        using var server = new LocalYahooServer(new Reply(404, ChartJson.NotFound));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<YahooFinanceException>(() => client.FetchAsync("NOPE123"));

        Assert.Equal("Yahoo Finance does not know the symbol 'NOPE123' (No data found, symbol may be delisted)", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_until_success()
    {
        using var server = new LocalYahooServer(
            new Reply(429, "Too Many Requests"), new Reply(503, "busy"), new Reply(200, ChartJson.Success));
        using var client = Client(server);

        var series = await client.FetchAsync("^GSPC");

        Assert.Equal(4, series.Count);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_is_retried()
    {
        using var server = new LocalYahooServer(
            new Reply(200, ChartJson.Success, Reply.Never), new Reply(200, ChartJson.Success));
        // The first answer never comes, so only the timeout can end that attempt; the second is immediate, and
        // the timeout is long enough for it on a loaded machine.
        using var client = Client(server, timeout: TimeSpan.FromSeconds(1));

        var series = await client.FetchAsync("^GSPC");

        Assert.Equal(4, series.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_give_up_with_the_last_status()
    {
        using var server = new LocalYahooServer(
            new Reply(500, "x"), new Reply(502, "x"), new Reply(503, "x"), new Reply(503, "x"));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<YahooFinanceException>(() => client.FetchAsync("^GSPC"));

        Assert.Equal("Yahoo Finance answered 503 Service Unavailable for '^GSPC' after 4 attempts", e.Message);
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_error()
    {
        using var server = new LocalYahooServer(new Reply(200, ChartJson.Malformed));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<YahooFinanceException>(() => client.FetchAsync("^GSPC"));

        Assert.StartsWith("Yahoo Finance sent a malformed chart answer for '^GSPC' (", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_failed_download_leaves_an_existing_file_untouched()
    {
        var path = Path.Combine(_dir, "keep.csv");
        const string old = "Date,Close\n2020-01-02,1\n";
        File.WriteAllText(path, old);
        using var server = new LocalYahooServer(new Reply(200, ChartJson.Malformed), new Reply(404, ChartJson.NotFound));
        using var client = Client(server);

        await Assert.ThrowsAsync<YahooFinanceException>(() => client.DownloadAsync("^GSPC", path));
        await Assert.ThrowsAsync<YahooFinanceException>(() => client.DownloadAsync("^GSPC", path));

        Assert.Equal(old, File.ReadAllText(path));
        Assert.Equal(["keep.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Unreachable_server_is_a_clear_error()
    {
        using var server = new LocalYahooServer();
        var closed = server.BaseUrl;
        server.Dispose();
        using var client = new YahooFinanceClient(new YahooClientOptions(closed, MaxRetryAttempts: 1, BaseDelay: TimeSpan.FromMilliseconds(1)));

        var e = await Assert.ThrowsAsync<YahooFinanceException>(() => client.FetchAsync("^GSPC"));

        Assert.StartsWith($"cannot reach Yahoo Finance at {closed.Authority}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbol_cache_downloads_once_while_fresh()
    {
        using var server = new LocalYahooServer(new Reply(200, ChartJson.Success), new Reply(200, ChartJson.Success));
        using var client = Client(server);
        var cache = new SymbolCache(_dir, TimeSpan.FromDays(1));

        var first = await cache.GetAsync("^GSPC", client);
        var second = await cache.GetAsync("^GSPC", client);
        File.SetLastWriteTimeUtc(first, DateTime.UtcNow.AddDays(-2));
        await cache.GetAsync("^GSPC", client);

        Assert.Equal(Path.Combine(_dir, "^GSPC.csv"), first);
        Assert.Equal(first, second);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_download_into_a_folder_or_under_a_file_is_a_data_error_and_leaves_no_temporary_file()
    {
        using var server = new LocalYahooServer(new Reply(200, ChartJson.Success), new Reply(200, ChartJson.Success));
        using var client = Client(server);
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "folder")).FullName;
        var file = Path.Combine(_dir, "plain.txt");
        await File.WriteAllTextAsync(file, "keep");

        var intoFolder = await Assert.ThrowsAsync<PriceDataException>(() => client.DownloadAsync("^GSPC", folder));
        var underFile = await Assert.ThrowsAsync<PriceDataException>(() => client.DownloadAsync("^GSPC", Path.Combine(file, "gspc.csv")));

        Assert.StartsWith($"cannot write {folder}: it is a folder", intoFolder.Message, StringComparison.Ordinal);
        Assert.StartsWith($"cannot write {Path.Combine(file, "gspc.csv")} (", underFile.Message, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.GetFiles(_dir));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Base_url_comes_from_the_option_before_the_default()
    {
        Assert.Equal(new Uri("http://127.0.0.1:9/"), YahooClientOptions.FromOptionOrEnvironment("http://127.0.0.1:9").BaseUrl);
        Assert.Throws<YahooFinanceException>(() => YahooClientOptions.FromOptionOrEnvironment("ftp://x"));
    }
}
