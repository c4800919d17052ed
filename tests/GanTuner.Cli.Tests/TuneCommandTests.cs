using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Cli.Tests;

public sealed class TuneCommandTests : IDisposable
{
    private readonly TuneWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Workers_zero_lets_the_cost_model_choose_and_says_what_it_chose()
    {
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--workers", "0", "--threads", "2", "--no-report"));

        Assert.True(code == 0, stderr + stdout);
        Assert.Matches(@"workers: 2 trial\(s\) at once, 1 thread\(s\) each \(cost model: [\d.]+x", stdout);
        using var store = new SqliteStudyStore(_work.PathOf("gantuner.db"), createIfMissing: false);
        Assert.Equal(2, store.GetTrials(store.ListStudies().Single().Name).Count);
    }

    [Fact]
    public void A_whole_study_prints_appendix_b_and_the_best_beside_naive_and_writes_every_file()
    {
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(iterations: 3, epochs: 1));

        Assert.True(code == 0, stderr + stdout);
        Assert.Equal(string.Empty, stderr);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains("Appendix B", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│\s+3 │", stdout);
        Assert.Contains("best configuration beside the naive forecast", stdout, StringComparison.Ordinal);
        Assert.Matches(@"validation: U2 = [\d.]+ \(price RMSE ÷ naive RMSE\): the best model (beats|does not beat|loses to|is not significantly different from) tomorrow = today", stdout);

        // The default study: named from its options, in ./gantuner.db, files in ./gantuner-out/<study>/.
        const string study = "gan-holdout-level-window-u2-es-seed0-tune_sp500_300-e1-space-tune_space_tiny";
        var folder = _work.PathOf("gantuner-out", study);
        using var store = new SqliteStudyStore(_work.PathOf("gantuner.db"), createIfMissing: false);
        var trials = store.GetTrials(study);
        Assert.Equal(3, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        // Under window scaling a trial's value is its validation U2 on prices, comparable across window lengths.
        Assert.All(trials, t => Assert.Equal(t.Value!.Value, t.Metrics["val_u2"]));
        Assert.All(store.ListStudies(), s => Assert.Equal("val_u2", s.UserAttributes["objective"]));
        var best = trials.MinBy(t => t.Value)!;
        Assert.Matches($@"│\s+{best.Number + 1} │.*│ best", stdout);

        var csv = File.ReadAllLines(Path.Combine(folder, "trials.csv"));
        Assert.Equal(4, csv.Length);
        var header = csv[0].Split(',');
        foreach (var column in new[] { "trial", "state", "value", "layers", "dropout", "gan.injection", "val_mse", "test_u2", "naive_val_rmse_price", "cpu_seconds", "train_seconds" })
        {
            Assert.Contains(column, header);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "trials.json")));
        Assert.Equal(best.Number, json.RootElement.GetProperty("best_trial").GetInt32());
        var stored = json.RootElement.GetProperty("trials");
        Assert.Equal(3, stored.GetArrayLength());
        Assert.Equal(trials[1].Metrics["test_mse"], stored[1].GetProperty("metrics").GetProperty("test_mse").GetDouble());

        var model = ForecastModel.Load(Path.Combine(folder, "best-model.json"));
        Assert.Equal((int)best.Parameters["sequence_length"].Number!.Value, model.Data.SequenceLength);
        Assert.Equal((int)best.Parameters["units"].Number!.Value, model.Network.Spec.Hidden);
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "best-trial.json")));
        Assert.Equal(best.Number, info.RootElement.GetProperty("trial").GetInt32());
        Assert.Equal("kept from the trial", info.RootElement.GetProperty("origin").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "predictions", "trial-0000.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "report", "report.html")));
        Assert.Contains("objective val_u2 (minimised)", File.ReadAllText(Path.Combine(folder, "report", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Paper_shuffled_warns_that_it_is_leaky_and_optimises_the_test_split()
    {
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(2, 1, "--protocol", "paper-shuffled", "--tuner", "tpe", "--no-report"));

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("paper-shuffled is LEAKY", stdout, StringComparison.Ordinal);
        Assert.Contains("U2 (test_u2)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("validation model", stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_work.PathOf("gantuner-out", "tpe-paper-shuffled-level-window-u2-es-seed0-tune_sp500_300-e1-space-tune_space_tiny")));
    }

    [Fact]
    public void A_failed_trial_is_recorded_with_its_reason_and_the_study_goes_on()
    {
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tune(
            TuneWorkspace.Fixture("tune_space_mostly_too_long.json"), 2, 1, "--study", "too-long", "--no-report"));

        // Only the shortest window (215 of 215–500) fits the 300 rows: both trials fail, the study still runs its
        // whole budget. (A space whose every window is too long is refused up front: TuneOptionTests.)
        Assert.Equal(1, code);
        Assert.Equal("gantuner: no trial of study 'too-long' completed (see the notes column), so there is no best model\n", stderr);
        using var store = new SqliteStudyStore(_work.PathOf("gantuner.db"), createIfMissing: false);
        var trials = store.GetTrials("too-long");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t =>
        {
            Assert.Equal(TrialState.Failed, t.State);
            Assert.Contains("too few rows", t.Attributes[TrialAttributeKeys.FailReason], StringComparison.Ordinal);
        });
        Assert.Contains("failed: ", stdout, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(_work.PathOf("gantuner-out", "too-long", "trials.csv")).Length);
    }

    [Fact]
    public void Files_go_to_out_and_a_lost_best_model_is_retrained_to_the_same_result()
    {
        var first = _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "o", "--out", "results", "--no-report"));
        Assert.True(first.ExitCode == 0, first.Stderr);
        var model = _work.PathOf("results", "best-model.json");
        Assert.True(File.Exists(model));
        Assert.False(Directory.Exists(_work.PathOf("gantuner-out")));

        // Without --out the study keeps the folder it was created with; the kept model needs no retraining.
        var again = _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "o", "--no-report"));
        Assert.Contains("best-model.json: iteration 1, kept from the trial", again.Stdout, StringComparison.Ordinal);

        File.Delete(model);
        var (code, stdout, stderr) = _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "o", "--no-report"));

        Assert.True(code == 0, stderr);
        Assert.Contains("retraining iteration 1 with the study's seed", stdout, StringComparison.Ordinal);
        var line = Regex.Match(stdout, @"best-model\.json: iteration 1, retrained with the study's seed; retrained val_u2 (\S+), stored (\S+) ");
        Assert.True(line.Success, stdout);
        Assert.Equal(line.Groups[2].Value, line.Groups[1].Value);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void A_trial_proposed_during_the_gans_injection_is_marked_inj()
    {
        Assert.Equal(0, _work.Run(TuneWorkspace.Tiny(1, 1, "--study", "i", "--no-report")).ExitCode);
        using (var store = new SqliteStudyStore(_work.PathOf("gantuner.db"), createIfMissing: false))
        {
            // What the GAN tuner records when random configurations were injected into its real set.
            var first = store.GetTrials("i")[0];
            var draft = new TrialDraft(first.Parameters, first.Point, DateTimeOffset.UtcNow, [new("gan.injection", "true")]);
            var injected = store.TryCreateTrial("i", draft, new StudyProgress(1, 1))!;
            store.FinishTrial("i", injected.Number, new TrialCompletion(TrialState.Complete, 1000.0, DateTimeOffset.UtcNow, first.Metrics));
        }

        var (code, stdout, _) = _work.Run(TuneWorkspace.Tiny(2, 1, "--study", "i", "--no-report"));

        Assert.Equal(0, code);
        // Anchored at the row's start: other columns of a row may also hold a 1 or a 2.
        Assert.Matches(@"(?m)^│\s+2 │.*│ inj\s+│", stdout);
        Assert.DoesNotMatch(@"(?m)^│\s+1 │.*inj", stdout);
    }

    internal static string[] Summary(IEnumerable<TrialRecord> trials) =>
        [.. trials.Select(t => string.Join(';', t.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
            + " -> " + t.Value?.ToString("R", CultureInfo.InvariantCulture))];
}
