using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting.Tests;

public sealed class EarlyStoppingTests
{
    private static readonly TrialConfig Small = new(Layers: 1, Units: 6, LearningRate: 0.01, BatchSize: 16, SequenceLength: 8, Dropout: 0.0, Epochs: 2, Seed: 3, Threads: 1);

    [Fact]
    public void Without_early_stopping_a_trial_runs_exactly_its_epochs_and_keeps_the_last()
    {
        var result = TrialRunner.Run(ForecastDataset.Build(SyntheticSeries.Wave(), new DatasetSpec(8)), Small);

        Assert.Equal(2, result.EpochsRun);
        Assert.Equal(2, result.KeptEpoch);
    }

    [Fact]
    public void A_small_series_gets_the_minimum_steps_and_the_best_epoch_is_the_one_scored()
    {
        var data = ForecastDataset.Build(SyntheticSeries.Wave(), new DatasetSpec(8));
        var stopping = new EarlyStopping(Patience: 2, MinSteps: 60, MaxEpochs: 12);

        var result = TrialRunner.Run(data, Small, new TrialOptions(EarlyStopping: stopping));

        var batches = (data.Train.Count + 15) / 16;
        Assert.Equal(TrialStatus.Ok, result.Status);
        var stalled = result.EpochsRun - result.KeptEpoch >= stopping.Patience;
        Assert.True(result.EpochsRun * batches >= 60 || result.EpochsRun == 12 || stalled, $"{result.EpochsRun} epochs of {batches} batches");
        Assert.True(result.EpochsRun > Small.Epochs);
        var best = result.EpochValidationLoss.Min();
        Assert.Equal(result.EpochValidationLoss.ToList().IndexOf(best) + 1, result.KeptEpoch);
        Assert.Equal(best, result.Objective!.Scaled.Mse, 6);
        Assert.Equal(result.KeptEpoch, result.ToMetrics()["epoch_kept"]);
    }

    [Fact]
    public void The_epoch_budget_never_shrinks_below_epochs_and_stops_at_the_cap()
    {
        var stopping = new EarlyStopping(Patience: 3, MinSteps: 300, MaxEpochs: 30);

        Assert.Equal(10, stopping.EpochBudget(10, 100));
        Assert.Equal(30, stopping.EpochBudget(10, 2));
        Assert.Equal(15, stopping.EpochBudget(10, 20));
    }

    [Theory]
    [InlineData(5, 5, 10, 10, false)] // still improving
    [InlineData(8, 5, 10, 10, false)] // stalled, but short of both the steps and --epochs
    [InlineData(10, 7, 20, 10, true)] // stalled after --epochs: stops short of the steps
    [InlineData(8, 5, 300, 10, true)] // stalled after the steps: stops before --epochs
    [InlineData(14, 12, 40, 10, false)] // past --epochs and still improving: the extra epochs are for this
    public void Training_stops_when_stalled_after_the_steps_or_after_the_asked_epochs(int epoch, int bestEpoch, long steps, int epochs, bool stop)
    {
        var stopping = new EarlyStopping(Patience: 3, MinSteps: 300, MaxEpochs: 30);

        Assert.Equal(stop, stopping.ShouldStop(epoch, bestEpoch, steps, epochs));
    }
}
