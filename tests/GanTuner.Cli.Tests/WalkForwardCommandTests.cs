using System.Text.Json;
using GanTuner.Storage;

namespace GanTuner.Cli.Tests;

/// <summary><c>--protocol walk-forward --folds K [--window expanding|sliding]</c> through the command line.</summary>
public sealed class WalkForwardCommandTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    private static string[] TinyTrial(params string[] more) =>
    [
        "trial", "--data", TuneWorkspace.Prices, "--layers", "1", "--units", "3", "--seq", "5", "--epochs", "1",
        "--threads", "1", "--min-steps", "0", .. more,
    ];

    [Fact]
    public void A_walk_forward_trial_scores_each_fold_and_its_objective_is_their_mean_validation_mse()
    {
        var (code, stdout, stderr) = _work.Run(TinyTrial("--protocol", "walk-forward", "--folds", "3", "--window", "sliding", "--json"));

        Assert.True(code == 0, stderr + stdout);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("walk-forward", json.GetProperty("protocol").GetString());
        Assert.Equal("validation", json.GetProperty("objective_split").GetString());
        var folds = json.GetProperty("folds").EnumerateArray().ToArray();
        Assert.Equal(3, folds.Length);
        Assert.Equal([1, 2, 3], folds.Select(f => f.GetProperty("fold").GetInt32()));
        // Sliding: every fold trains on as many windows; the blocks follow one another in time.
        Assert.Single(folds.Select(f => f.GetProperty("train_windows").GetInt32()).Distinct());
        Assert.True(string.CompareOrdinal(folds[0].GetProperty("validation_to").GetString(), folds[1].GetProperty("validation_from").GetString()) < 0);
        Assert.All(folds, f => Assert.InRange(f.GetProperty("epoch_kept").GetInt32(), 1, f.GetProperty("epochs_run").GetInt32()));
        var mean = folds.Average(f => f.GetProperty("val_mse").GetDouble());
        Assert.Equal(mean, json.GetProperty("val_mse").GetDouble(), 12);
        Assert.Equal(folds[1].GetProperty("val_mse").GetDouble(), json.GetProperty("fold2_val_mse").GetDouble());
        Assert.True(json.GetProperty("test_mse").GetDouble() > 0);
        Assert.Equal("val_u2", json.GetProperty("objective").GetString());
        Assert.Equal(json.GetProperty("val_u2").GetDouble(), json.GetProperty("objective_value").GetDouble());
        Assert.Equal(json.GetProperty("epochs_run").GetInt32(), json.GetProperty("epoch_objective").GetArrayLength());
        // The kept model is the last fold's: its kept epoch is the trial's.
        Assert.Equal(folds[2].GetProperty("epoch_kept").GetInt32(), json.GetProperty("epoch_kept").GetInt32());
    }

    [Fact]
    public void A_walk_forward_tune_shows_the_best_trials_folds_and_stores_them_in_trials_csv_and_the_report()
    {
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--tuner", "random", "--protocol", "walk-forward", "--folds", "2", "--min-steps", "0"));

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("its walk-forward folds", stdout, StringComparison.Ordinal);
        Assert.Contains("U2 (val_u2)", stdout, StringComparison.Ordinal);
        const string study = "random-walk-forward-level-k2-window-u2-es-seed0-tune_sp500_300-e1-space-tune_space_tiny";
        using var store = new SqliteStudyStore(_work.PathOf("gantuner.db"), createIfMissing: false);
        var trials = store.GetTrials(study);
        Assert.Equal(2, trials.Count);
        // The objective is U2 over the folds' pooled price errors, so it lies between the folds' own U2s.
        Assert.All(trials, t => Assert.Equal(t.Metrics["val_u2"], t.Value!.Value));
        Assert.All(trials, t => Assert.InRange(t.Value!.Value, Math.Min(t.Metrics["fold1_val_u2"], t.Metrics["fold2_val_u2"]), Math.Max(t.Metrics["fold1_val_u2"], t.Metrics["fold2_val_u2"])));
        var folder = _work.PathOf("gantuner-out", study);
        var header = File.ReadLines(Path.Combine(folder, "trials.csv")).First().Split(',');
        Assert.Contains("fold2_val_mse", header);
        Assert.Contains("fold2_epoch_kept", header);
        Assert.Contains("Its walk-forward folds", File.ReadAllText(Path.Combine(folder, "report", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_show_lists_the_folds_with_their_training_rows()
    {
        var (code, stdout, stderr) = _work.Run("data", "show", "--data", TuneWorkspace.Prices, "--seq", "5", "--protocol", "walk-forward", "--folds", "4");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("walk-forward folds (expanding)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│\s+4 │ 1-", stdout);
    }

    [Theory]
    [InlineData("trial", "--protocol", "walk-forward", "--folds", "1")]
    [InlineData("trial", "--folds", "3")]
    [InlineData("trial", "--protocol", "paper", "--window", "sliding")]
    [InlineData("data", "--protocol", "walk-forward", "--window", "rolling")]
    [InlineData("tune", "--protocol", "walk-forward", "--folds", "0")]
    [InlineData("compare", "--objective", "lstm", "--folds", "2")]
    public void Bad_fold_options_exit_2_with_one_line_and_nothing_written(string command, params string[] options)
    {
        string[] args = command switch
        {
            "trial" => TinyTrial(options),
            "data" => ["data", "show", .. options],
            "tune" => TuneWorkspace.Tiny(1, 1, options),
            _ => [command, .. options],
        };

        var (code, stdout, stderr) = _work.Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("gantuner: --", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(System.IO.Directory.EnumerateFileSystemEntries(_work.Directory));
    }
}
