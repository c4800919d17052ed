namespace GanTuner.Cli.Tests;

public sealed class TuneOptionTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("gantuner: --iterations must be at least 1, not 0", "--iterations", "0")]
    [InlineData("gantuner: unknown tuner 'bayes'", "--tuner", "bayes")]
    [InlineData("gantuner: --protocol must be one of holdout, paper, paper-shuffled, walk-forward, not 'random'", "--protocol", "random")]
    [InlineData("gantuner: --gan-no-injection, --gan-no-feedback and --gan-no-diversity apply to the gan tuner, not 'tpe'", "--tuner", "tpe", "--gan-no-injection")]
    [InlineData("gantuner: --space: the file 'nowhere.json' does not exist", "--space", "nowhere.json")]
    [InlineData("gantuner: --study 'a/b' cannot name a folder", "--study", "a/b")]
    [InlineData("gantuner: give --data or --symbol, not both", "--data", "x.csv", "--symbol", "^GSPC")]
    [InlineData("gantuner: unknown tuner option 'gan.bogus'", "--option", "gan.bogus=1")]
    [InlineData("gantuner: tuner option 'tpe.startup' is not a gan option", "--option", "tpe.startup=3")]
    [InlineData("gantuner: --storage 'nowhere/runs.db': the folder '", "--storage", "nowhere/runs.db")]
    [InlineData("gantuner: --storage '.' is a folder; give a file name such as ./gantuner.db", "--storage", ".")]
    [InlineData("gantuner: --features takes a comma-separated list of close, return, range, volume, not 'vol'", "--features", "close,vol")]
    [InlineData("gantuner: --features must include close (the modelled series), got 'return'", "--features", "return")]
    public void A_bad_option_exits_2_with_one_line_and_writes_nothing(string expected, params string[] options)
    {
        var (code, stdout, stderr) = _work.Run(["tune", .. options]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Theory]
    [InlineData("volume", "no volume column")]
    [InlineData("range", "no high and low columns")]
    public void Features_the_data_do_not_have_exit_2_in_one_line_before_any_study_is_stored(string feature, string missing)
    {
        var prices = _work.PathOf("closes.csv");
        File.WriteAllLines(prices, ["date,close", .. File.ReadLines(TuneWorkspace.Prices).Skip(1).Select(l => l.Split(',')).Select(f => $"{f[0]},{f[4]}")]);

        var (code, stdout, stderr) = _work.Run([.. TuneWorkspace.Tiny(1, 1, "--features", "close," + feature).Select(a => a == TuneWorkspace.Prices ? prices : a)]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches($"^gantuner: [^\\n]*closes\\.csv[^\\n]*: has {missing}, which --features {feature} needs\\n$", stderr);
        Assert.False(File.Exists(_work.PathOf("gantuner.db")));
    }

    [Theory]
    [InlineData("taken")]
    [InlineData("taken/sub")]
    public void An_out_folder_that_a_file_blocks_exits_2_before_any_study_is_stored(string folder)
    {
        var taken = _work.PathOf("taken");
        File.WriteAllText(taken, "a file, not a folder");

        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(1, 1, "--out", folder));

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"gantuner: --out '{folder}' cannot be a folder: '{taken}' is a file\n", stderr);
        Assert.Equal([taken], Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Fact]
    public void A_space_without_the_six_lstm_parameters_exits_2()
    {
        var (code, _, stderr) = _work.Run(TuneWorkspace.Tune(TuneWorkspace.Fixture("tune_space_no_dropout.json"), 1, 1));

        Assert.Equal(2, code);
        Assert.Equal(
            "gantuner: tune needs a search space of exactly layers, units, learning_rate, batch_size, sequence_length, dropout (fix one by giving low = high): it lacks dropout\n",
            stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Fact]
    public void Data_that_cannot_be_read_exits_2_and_leaves_no_store_behind()
    {
        var bad = TuneWorkspace.Fixture("data_bad_date.csv");

        var (code, _, stderr) = _work.Run("tune", "--data", bad);

        Assert.Equal(2, code);
        Assert.Equal($"gantuner: {bad}, line 4: cannot read the date '2024-3-5' (expected yyyy-MM-dd, optionally with a time)\n", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Fact]
    public void Data_too_short_for_the_spaces_shortest_window_exits_2_and_leaves_no_store_behind()
    {
        var prices = _work.PathOf("short.csv");
        File.WriteAllLines(prices, [.. File.ReadLines(TuneWorkspace.Prices).Take(6)]);

        var (code, stdout, stderr) = _work.Run(["tune", "--data", prices, "--space", TuneWorkspace.TinySpace, "--iterations", "3"]);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"gantuner: {prices} (lower-case layout): too few rows for protocol holdout and sequence length 2 (5 rows; need at least 13)\n", stderr);
        Assert.Equal([prices], Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Fact]
    public void A_space_whose_every_window_is_longer_than_the_data_exits_2_and_leaves_no_store_behind()
    {
        var (code, _, stderr) = _work.Run(TuneWorkspace.Tune(TuneWorkspace.Fixture("tune_space_too_long.json"), 2, 1));

        Assert.Equal(2, code);
        Assert.Equal($"gantuner: {TuneWorkspace.Prices} (lower-case layout): too few rows for protocol holdout and sequence length 400 (300 rows; need at least 557)\n", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Directory));
    }

    [Fact]
    public void Resuming_a_study_with_other_epochs_exits_2_rather_than_mixing_trials()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "m", "--no-report")).ExitCode);

        var (code, _, stderr) = _work.Run(TuneWorkspace.Tiny(2, 2, "--study", "m", "--no-report"));

        Assert.Equal(2, code);
        Assert.Equal("gantuner: study 'm' already exists with epochs 1, not 2; give another --study name to start a new study\n", stderr);
    }

    [Fact]
    public void Resuming_a_window_scaled_study_from_before_the_u2_objective_exits_2_rather_than_mixing_values()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "old", "--no-report")).ExitCode);
        // A study written before the objective was stored: its values were the scaled MSE.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_work.PathOf("gantuner.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM study_attributes WHERE key = 'objective'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (code, _, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "old", "--no-report"));

        Assert.Equal(2, code);
        Assert.Equal("gantuner: study 'old' already exists with objective val_mse, not val_u2; give another --study name to start a new study\n", stderr);
    }
}
