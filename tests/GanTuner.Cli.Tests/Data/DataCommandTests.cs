namespace GanTuner.Cli.Tests.Data;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gantuner-cli-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Data_show_on_the_embedded_set_prints_rows_dates_range_gap_and_windows()
    {
        var (code, stdout, stderr) = GanTunerProcess.Run("data", "show");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("5,105", stdout, StringComparison.Ordinal);
        Assert.Contains("2000-01-03 to 2020-04-17", stdout, StringComparison.Ordinal);
        Assert.Contains("676.530029 on 2009-03-09", stdout, StringComparison.Ordinal);
        Assert.Contains("7 days (2001-09-10 to 2001-09-17)", stdout, StringComparison.Ordinal);
        // 5105 rows, L = 30: training part 4084 rows, its last 408 validate, 1021 test days.
        Assert.Matches(@"train\s*│\s*3,646", stdout);
        Assert.Matches(@"validation \(objective\)\s*│\s*408", stdout);
        Assert.Matches(@"test\s*│\s*1,021", stdout);
    }

    [Fact]
    public void Data_show_labels_paper_shuffled_as_leaky()
    {
        var (code, stdout, _) = GanTunerProcess.Run("data", "show", "--protocol", "paper-shuffled", "--target", "log-return", "--seq", "5");

        Assert.Equal(0, code);
        Assert.Contains("LEAKY", stdout, StringComparison.Ordinal);
        Assert.Matches(@"test \(objective\)", stdout);
    }

    [Fact]
    public void Data_show_reads_a_file_with_named_columns()
    {
        var (code, stdout, stderr) = GanTunerProcess.Run(
            "data", "show", "--data", GanTunerProcess.Fixture("data_small_yahoo.csv"), "--date-column", "Date",
            "--value-column", "Adj Close", "--seq", "3");

        Assert.True(code == 0, stderr);
        Assert.Contains("2024-03-01 to 2024-03-28", stdout, StringComparison.Ordinal);
        Assert.Contains("5078.65 on 2024-03-05", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_file_exits_2_with_one_line_naming_file_line_and_fault()
    {
        var path = GanTunerProcess.Fixture("data_bad_date.csv");

        var (code, stdout, stderr) = GanTunerProcess.Run("data", "show", "--data", path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            $"gantuner: {path}, line 4: cannot read the date '2024-3-5' (expected yyyy-MM-dd, optionally with a time)\n",
            stderr);
    }

    [Fact]
    public void Too_few_rows_exits_2_and_names_the_minimum()
    {
        var (code, _, stderr) = GanTunerProcess.Run("data", "show", "--data", GanTunerProcess.Fixture("data_small_yahoo.csv"), "--seq", "30");

        Assert.Equal(2, code);
        Assert.EndsWith("too few rows for protocol holdout and sequence length 30 (20 rows; need at least 43)\n", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("--protocol", "chronological")]
    [InlineData("--target", "price")]
    [InlineData("--column", "open")]
    [InlineData("--no-such-option", "1")]
    [InlineData("--seq", "zero")]
    public void Bad_option_exits_2_with_one_line(string option, string value)
    {
        var (code, _, stderr) = GanTunerProcess.Run("data", "show", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("gantuner: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Data_fetch_writes_yahoo_csv_from_the_chart_api()
    {
        using var server = new OneShotChartServer(200, OneShotChartServer.Chart);
        var path = Path.Combine(_dir, "gspc.csv");

        var (code, stdout, stderr) = GanTunerProcess.Run(
            "data", "fetch", "^GSPC", "--from", "2024-03-01", "--to", "2024-03-06", "--out", path, "--yahoo-base-url", server.BaseUrl);

        Assert.True(code == 0, stderr);
        Assert.Contains("wrote 4 daily bars of ^GSPC (2024-03-01 to 2024-03-06)", stdout, StringComparison.Ordinal);
        Assert.Equal("2024-03-06,5108.03,5127.97,5092.22,5104.76,5104.76,4559050000", File.ReadAllLines(path)[^1]);
    }

    [Fact]
    public void Data_fetch_into_a_folder_exits_2_before_downloading()
    {
        using var server = new OneShotChartServer(200, OneShotChartServer.Chart);

        var (code, stdout, stderr) = GanTunerProcess.Run("data", "fetch", "^GSPC", "--out", _dir, "--yahoo-base-url", server.BaseUrl);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"gantuner: --out '{_dir}' is a folder; give a file name such as {Path.Combine(_dir, "prices.csv")}\n", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void Data_show_of_a_longer_sequence_than_any_series_exits_2_and_names_the_minimum()
    {
        var (code, _, stderr) = GanTunerProcess.Run("data", "show", "--seq", "2147483647");

        Assert.Equal(2, code);
        Assert.EndsWith("(5105 rows; need at least 2982616178)\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_fetch_of_an_unknown_symbol_exits_2_and_keeps_the_old_file()
    {
        using var server = new OneShotChartServer(404, OneShotChartServer.NotFound);
        var path = Path.Combine(_dir, "keep.csv");
        File.WriteAllText(path, "old");

        var (code, _, stderr) = GanTunerProcess.Run(
            new Dictionary<string, string> { ["GANTUNER_YAHOO_BASE_URL"] = server.BaseUrl }, "data", "fetch", "NOPE", "--out", path);

        Assert.Equal(2, code);
        Assert.Equal("gantuner: Yahoo Finance does not know the symbol 'NOPE' (No data found, symbol may be delisted)\n", stderr);
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void Symbol_option_fetches_into_the_cache_then_shows_it()
    {
        using var server = new OneShotChartServer(200, OneShotChartServer.Chart);
        var environment = new Dictionary<string, string> { ["GANTUNER_CACHE_DIR"] = _dir, ["GANTUNER_YAHOO_BASE_URL"] = server.BaseUrl };

        var (code, _, stderr) = GanTunerProcess.Run(environment, "data", "show", "--symbol", "^GSPC", "--seq", "1");

        // Four bars are too few for any window split under holdout, which proves the cached file was read.
        Assert.Equal(2, code);
        Assert.Contains("^GSPC.csv", stderr, StringComparison.Ordinal);
        Assert.Contains("need at least", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "^GSPC.csv")));
        Assert.Equal(1, server.Requests);
    }
}
