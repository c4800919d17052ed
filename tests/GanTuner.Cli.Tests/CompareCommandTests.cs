using System.Globalization;
using GanTuner.Cli.Tests.Data;
using GanTuner.Storage;

namespace GanTuner.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private const string LstmTag = "lstm-tune_sp500_300-holdout-level-e1-space-tune_space_tiny";
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    /// <summary>The LSTM on the tiny fixtures: 300 closes, LSTMs of a few units, one thread, trained the paper's way
    /// (global scaling, fixed epochs) so that the pinned rankings below stay what they measure.</summary>
    private static string[] Lstm(int epochs, int budget, int seeds, string tuners, params string[] more) =>
    [
        "compare", "--objective", "lstm", "--data", TuneWorkspace.Prices, "--space", TuneWorkspace.TinySpace,
        "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--budget", budget.ToString(CultureInfo.InvariantCulture),
        "--seeds", seeds.ToString(CultureInfo.InvariantCulture), "--tuners", tuners, "--threads", "1",
        "--scaling", "global", "--early-stopping", "off", .. more,
    ];

    private SqliteStudyStore Store(string name = "gantuner.db") => new(_work.PathOf(name), createIfMissing: false);

    [Fact]
    public void Lstm_comparison_keeps_each_run_as_a_study_and_prints_the_test_errors_beside_the_naive_forecast()
    {
        var (code, stdout, stderr) = _work.Run(Lstm(1, 3, 2, "gan,random"));

        Assert.True(code == 0, stderr);
        using (var store = Store())
        {
            Assert.Equal(
                [$"compare/{LstmTag}/gan/seed-0", $"compare/{LstmTag}/gan/seed-1", $"compare/{LstmTag}/random/seed-0", $"compare/{LstmTag}/random/seed-1"],
                store.ListStudies().Select(s => s.Name).Order(StringComparer.Ordinal));
            foreach (var study in store.ListStudies())
            {
                Assert.Equal("holdout", study.UserAttributes["protocol"]);
                Assert.Equal("1", study.UserAttributes["epochs"]);
                var trials = store.GetTrials(study.Name);
                Assert.Equal(3, trials.Count);
                Assert.All(trials, t => Assert.True(t.State == TrialState.Complete && t.Metrics.ContainsKey("test_mse") && t.Metrics["val_mse"] == t.Value));
                Assert.All(trials, t => Assert.StartsWith("[", t.Attributes["epoch_train_loss"], StringComparison.Ordinal));
            }
        }

        Assert.Contains("best after 3", stdout, StringComparison.Ordinal);
        Assert.Contains("naive test MSE", stdout, StringComparison.Ordinal);
        foreach (var column in new[] { "AR U2", "beats AR", "naive MASE", "dir. acc.", "PT p", "DM p vs naive" })
        {
            Assert.Contains(column, stdout, StringComparison.Ordinal);
        }

        Assert.Matches(@"DM p vs AR\(\d+\)", stdout);
        Assert.Contains("Wilcoxon p", stdout, StringComparison.Ordinal);
        Assert.Matches(@"random\s*│\s*2\.00\s*│\s*—\s*│\s*\d of 2\s*│\s*[\d.e-]+ \(exact, n=\d\)", stdout);
        Assert.Contains($"[12/12] ", stderr, StringComparison.Ordinal);
        var summary = File.ReadAllLines(_work.PathOf("gantuner-out", "compare-" + LstmTag, "summary.csv"));
        Assert.Contains("test_mse_median", summary[0], StringComparison.Ordinal);
        Assert.Equal(3, summary.Length);
    }

    [Fact]
    public void Lstm_comparison_with_a_pruner_prunes_within_each_run_and_reused_trials_keep_their_curves()
    {
        // gan and its ablation share their random start-up trials, so the second run reuses the first's outcomes.
        var (code, _, stderr) = _work.Run(Lstm(3, 8, 1, "gan,gan-no-injection", "--pruner", "median"));

        Assert.True(code == 0, stderr);
        using var store = Store();
        var tag = LstmTag.Replace("-e1-", "-e3-prune-median-", StringComparison.Ordinal);
        var gan = store.GetTrials($"compare/{tag}/gan/seed-0");
        var ablation = store.GetTrials($"compare/{tag}/gan-no-injection/seed-0");
        Assert.Equal((8, 8), (gan.Count, ablation.Count));
        Assert.Contains(gan, t => t.State == TrialState.Pruned);
        Assert.All(gan.Concat(ablation), t => Assert.NotEmpty(t.Attributes["intermediate_values"]));
        Assert.All(gan.Where(t => t.State == TrialState.Pruned), t => Assert.True(t.Attributes["intermediate_values"].Split(',').Length < 3));
        var reused = ablation.Where(t => t.Metrics.GetValueOrDefault("compare_reused") == 1).ToList();
        Assert.NotEmpty(reused);
        Assert.All(reused, t => Assert.Equal(
            (gan[t.Number].State, gan[t.Number].Value, gan[t.Number].Attributes["intermediate_values"]),
            (t.State, t.Value, t.Attributes["intermediate_values"])));
    }

    [Fact]
    public void Running_a_finished_comparison_again_reads_it_back_and_prints_the_same_tables()
    {
        var first = _work.Run(Lstm(1, 2, 1, "random,grid"));
        var again = _work.Run(Lstm(1, 2, 1, "random,grid"));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.StartsWith("4 of 4 trials already in gantuner.db", again.Stderr, StringComparison.Ordinal);
        using var store = Store();
        Assert.All(store.ListStudies(), s => Assert.Equal(2, store.GetTrials(s.Name).Count));
    }

    [Fact]
    public void Ctrl_c_records_the_running_trial_as_interrupted_exits_130_and_the_same_command_resumes_to_the_uninterrupted_result()
    {
        string[] args = Lstm(1, 2, 1, "random");
        using (var running = _work.StartHoldingTrial(0, args))
        {
            // The hook holds the first trial open until Ctrl+C, so the signal cannot arrive after it has ended.
            running.WaitForFile(_work.HeldTrialFile);
            running.Interrupt();
            var (code, _, stderr) = running.WaitForExit();

            Assert.Equal(130, code);
            Assert.Contains("gantuner: interrupted (running trials are recorded as interrupted and run again first); 0 of 2 trials evaluated; run the same command to resume", stderr, StringComparison.Ordinal);
        }

        var resumed = _work.Run(args);
        var straight = _work.Run([.. args, "--storage", "straight.db", "--out", "straight"]);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.True(straight.ExitCode == 0, straight.Stderr);
        var name = $"compare/{LstmTag}/random/seed-0";
        using var store = Store();
        using var reference = Store("straight.db");
        var trials = store.GetTrials(name);
        Assert.True(trials[0].IsInterrupted);
        Assert.Equal(0, trials[1].RetryOf);
        Assert.Equal(reference.GetTrials(name).Select(t => t.Value), trials.Where(t => !t.IsInterrupted).Select(t => t.Value));
    }

    [Fact]
    public void Synthetic_comparison_writes_the_page_the_figures_and_the_summary_into_out()
    {
        var (code, stdout, stderr) = _work.Run("compare", "--objective", "branin", "--tuners", "gan,random,gan-paper-no-feedback", "--budget", "12", "--seeds", "3", "--out", "cmp");

        Assert.True(code == 0, stderr);
        foreach (var file in new[] { "compare.html", "summary.csv", "summary.json", "runs.csv" })
        {
            Assert.True(new FileInfo(_work.PathOf("cmp", file)).Length > 0, file);
        }

        foreach (var figure in new[] { "best-so-far.png", "final-best.png" })
        {
            var png = File.ReadAllBytes(_work.PathOf("cmp", "figures", figure));
            Assert.True(png.Length > 10_000 && png.AsSpan(1, 3).SequenceEqual("PNG"u8), figure);
        }

        Assert.Contains("gan-paper-no-feedback", stdout, StringComparison.Ordinal);
        Assert.Contains($"files in {_work.PathOf("cmp")}: compare.html", stdout, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(_work.PathOf("cmp", "summary.csv")).Length);
    }

    [Theory]
    [InlineData("gantuner: --data, --symbol, --space, --epochs and --pruner apply to --objective lstm, not 'branin'", "--objective", "branin", "--epochs", "3")]
    [InlineData("gantuner: --data, --symbol, --space, --epochs and --pruner apply to --objective lstm, not 'hartmann6'", "--pruner", "median")]
    [InlineData("gantuner: unknown pruner 'mean'; expected one of none, median, asha", "--objective", "lstm", "--pruner", "mean")]
    [InlineData("gantuner: --parallel must be at least 1", "--parallel", "0")]
    [InlineData("gantuner: --tuners names a tuner twice", "--tuners", "gan,random,gan")]
    [InlineData("gantuner: --budget and --seeds must be at least 1", "--objective", "lstm", "--seeds", "0")]
    public void Compare_refuses_options_that_make_no_sense_with_one_line(string message, params string[] options)
    {
        var (code, stdout, stderr) = GanTunerProcess.Run(["compare", .. options]);

        Assert.Equal((2, message + "\n", ""), (code, stderr, stdout));
    }
}
