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
