using System.Globalization;
using System.Text.Json;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Data;
using GanTuner.Studies.Training;
using GanTuner.Studies.Tune;

namespace GanTuner.Studies.Tests;

public sealed class LstmTuningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private TuneRequest Request(int iterations) =>
        new(PriceSource.File(TempFolder.Fixture("tune_sp500_300.csv")), TrainingSettings.Fixed(Protocol.Holdout, ForecastTarget.Level), "random", iterations, _folder["studies.db"])
        {
            SpaceFile = TempFolder.Fixture("tune_space_tiny.json"),
            Epochs = 1,
            Threads = 1,
            Study = "s",
            Out = _folder["out"],
        };

    [Fact]
    public async Task A_study_runs_its_budget_keeps_the_best_model_and_a_second_run_only_reads_it()
    {
        var first = new RecordingTuneObserver();
        var outcome = await LstmTuning.RunAsync(Request(3), first);

        Assert.Equal(TuneStatus.Finished, outcome.Status);
        Assert.Equal(["started", "run", "trial 0", "trial 1", "trial 2", "evaluated"], first.Calls);
        Assert.True(first.Start!.IsNew);
        Assert.Equal(3, outcome.Evaluated);
        Assert.Equal(outcome.Best!.Number, outcome.Model!.Trial);
        Assert.True(File.Exists(outcome.ModelPath));
        Assert.True(File.Exists(Path.Combine(_folder["out"], TrialsFiles.CsvName)));

        var again = new RecordingTuneObserver();
        var resumed = await LstmTuning.RunAsync(Request(3), again);

        Assert.Equal(["started", "evaluated"], again.Calls);
        Assert.False(again.Start!.IsNew);
        Assert.Equal(outcome.Best.Number, resumed.Best!.Number);
        Assert.Null(resumed.Retrained);
    }

    [Fact]
    public async Task Every_stored_trial_keeps_one_training_and_one_validation_loss_per_epoch_it_trained()
    {
        var outcome = await LstmTuning.RunAsync(Request(2) with { Epochs = 3 }, new RecordingTuneObserver());

        Assert.Equal(2, outcome.Trials.Count);
        foreach (var trial in outcome.Trials)
        {
            var epochs = (int)trial.Metrics["epochs_run"];
            Assert.InRange(epochs, 1, 3);
            double[] Losses(string key) => JsonSerializer.Deserialize<double?[]>(trial.Attributes[key])!.Select(v => v ?? double.NaN).ToArray();
            var train = Losses(TrialResult.TrainLossAttribute);
            var validation = Losses(TrialResult.ValidationLossAttribute);
            Assert.Equal(epochs, train.Length);
            Assert.Equal(epochs, validation.Length);
            Assert.Equal(trial.Metrics["final_train_loss"], train[^1]);
            Assert.Equal(trial.Metrics["final_val_loss"], validation[^1]);
            Assert.InRange(trial.Metrics["epoch_kept"], 1, epochs);

            // Progress stored while it ran, for the dashboard: the first epoch at least, of the epochs planned.
            Assert.InRange(int.Parse(trial.Attributes["epoch"], CultureInfo.InvariantCulture), 1, epochs);
            Assert.Equal(3, int.Parse(trial.Attributes["epochs"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Trials_csv_keeps_the_columns_it_had_before_the_baselines_in_their_order_and_adds_the_new_ones()
    {
        await LstmTuning.RunAsync(Request(1), new RecordingTuneObserver());

        var header = File.ReadLines(Path.Combine(_folder["out"], TrialsFiles.CsvName)).First().Split(',');
        // The columns as they were before issue 11: fixed ones, the parameters, then the metrics in ordinal order.
        string[] errors = ["mse", "rmse", "mae", "mape", "r2"];
        var oldMetrics = new[] { "val", "test" }
            .SelectMany(split => errors.SelectMany(e => new[] { $"{split}_{e}", $"{split}_{e}_price", $"naive_{split}_{e}", $"naive_{split}_{e}_price" }).Append($"{split}_u2"))
            .Concat(["train_seconds", "wall_seconds", "cpu_seconds", "cpu_percent", "peak_memory_mb", "parameters", "epochs_run", "threads", "train_windows", "final_train_loss", "final_val_loss"])
            .Order(StringComparer.Ordinal);
        string[] old =
        [
            "trial", "iteration", "state", "value", "started_at", "finished_at", "seconds",
            .. GanTuner.Tuning.SearchSpace.Load(TempFolder.Fixture("tune_space_tiny.json")).Parameters.Select(p => p.Name),
            .. oldMetrics,
        ];
        Assert.Equal(old, header.Where(old.Contains));
        Assert.Equal(["trial", "iteration", "state", "value"], header[..4]);
        foreach (var added in new[] { "epoch_kept", "epoch_train_loss", "epoch_val_loss", "ar_lags", "test_ar_u2", "test_u2_ar", "test_mase", "test_ar_mase", "test_da", "test_ar_da", "test_pt_p", "test_dm_naive_p", "test_dm_ar_p" })
        {
            Assert.Contains(added, header);
        }
    }

    [Fact]
    public async Task Cancelling_records_the_running_trial_as_interrupted_and_the_next_run_retries_it_first()
    {
        using var cancel = new CancellationTokenSource();
        var outcome = await LstmTuning.RunAsync(Request(2), new RecordingTuneObserver(cancel), cancel.Token);

        Assert.Equal(TuneStatus.Interrupted, outcome.Status);
        Assert.Equal(0, outcome.InterruptedTrial!.Number);
        Assert.Equal(0, outcome.Evaluated);

        var resumed = await LstmTuning.RunAsync(Request(2), new RecordingTuneObserver());

        Assert.Equal(TuneStatus.Finished, resumed.Status);
        Assert.True(resumed.Trials[0].IsInterrupted);
        Assert.Equal(0, resumed.Trials[1].RetryOf);
        Assert.Equal(resumed.Trials[0].Parameters, resumed.Trials[1].Parameters);
    }

    [Fact]
    public async Task A_lost_best_model_is_trained_again_from_the_study_seed()
    {
        var outcome = await LstmTuning.RunAsync(Request(2), new RecordingTuneObserver());
        File.Delete(outcome.ModelPath);

        var observer = new RecordingTuneObserver();
        var again = await LstmTuning.RunAsync(Request(2), observer);

        Assert.Contains("retraining " + outcome.Best!.Number, observer.Calls);
        Assert.Equal(TuneStatus.Finished, again.Status);
        Assert.Equal(outcome.Best.Value, again.Retrained!.Objective!.Scaled.Mse);
    }

    [Fact]
    public void The_default_study_name_says_tuner_protocol_target_seed_and_data_and_only_the_changed_options()
    {
        var request = new TuneRequest(PriceSource.Embedded, TrainingSettings.Fixed(Protocol.Holdout, ForecastTarget.Level), "gan", 20, "x.db");

        Assert.Equal("gan-holdout-level-seed0-sp500", StudyName.For(request));
        Assert.Equal(
            "gan-no-feedback-paper-log-return-seed3-prices-e5",
            StudyName.For(request with { Source = PriceSource.File("/tmp/Prices.csv"), Training = TrainingSettings.Fixed(Protocol.Paper, ForecastTarget.LogReturn), Seed = 3, Epochs = 5, GanNoFeedback = true }));
    }
}
