namespace GanTuner.Cli.Tests;

public sealed class TuneOptionTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("gantuner: --iterations must be at least 1, not 0", "--iterations", "0")]
    [InlineData("gantuner: unknown tuner 'bayes'", "--tuner", "bayes")]
    [InlineData("gantuner: --protocol must be one of holdout, paper, paper-shuffled, not 'random'", "--protocol", "random")]
    [InlineData("gantuner: --gan-no-injection, --gan-no-feedback and --gan-no-diversity apply to the gan tuner, not 'tpe'", "--tuner", "tpe", "--gan-no-injection")]
    [InlineData("gantuner: --space: the file 'nowhere.json' does not exist", "--space", "nowhere.json")]
    [InlineData("gantuner: --study 'a/b' cannot name a folder", "--study", "a/b")]
    [InlineData("gantuner: give --data or --symbol, not both", "--data", "x.csv", "--symbol", "^GSPC")]
    [InlineData("gantuner: unknown tuner option 'gan.bogus'", "--option", "gan.bogus=1")]
    public void A_bad_option_exits_2_with_one_line_and_writes_nothing(string expected, params string[] options)
    {
        var (code, stdout, stderr) = _work.Run(["tune", .. options]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Directory));
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
    public void Resuming_a_study_with_other_epochs_exits_2_rather_than_mixing_trials()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "m", "--no-report")).ExitCode);

        var (code, _, stderr) = _work.Run(TuneWorkspace.Tiny(2, 2, "--study", "m", "--no-report"));

        Assert.Equal(2, code);
        Assert.Equal("gantuner: study 'm' already exists with epochs 1, not 2; give another --study name to start a new study\n", stderr);
    }
}
