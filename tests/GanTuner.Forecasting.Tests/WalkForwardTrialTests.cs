using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting.Tests;

public sealed class WalkForwardTrialTests
{
    private static readonly TrialConfig Small = new(Layers: 1, Units: 4, LearningRate: 0.01, BatchSize: 16, SequenceLength: 6, Dropout: 0, Epochs: 2, Seed: 5, Threads: 1);

    private static ForecastDataset Data(int folds, FoldWindow window = FoldWindow.Expanding) =>
        ForecastDataset.Build(SyntheticSeries.Wave(), new DatasetSpec(Small.SequenceLength, Protocol.WalkForward, Folds: folds, FoldWindow: window));

    [Fact]
    public void The_objective_is_the_folds_mean_validation_mse_and_the_last_fold_is_scored_on_test()
    {
        var data = Data(3);

        var result = TrialRunner.Run(data, Small, new TrialOptions(KeepModel: true, EarlyStopping: new EarlyStopping(Patience: 1, MinSteps: 0)));

        Assert.Equal(TrialStatus.Ok, result.Status);
        Assert.Equal(3, result.Folds.Count);
        Assert.All(result.Folds, f => Assert.NotNull(f.Validation));
        Assert.Equal(result.Folds.Average(f => f.Validation!.Scaled.Mse), result.Objective!.Scaled.Mse, 12);
        Assert.Equal(Math.Sqrt(result.Objective.Scaled.Mse), result.Objective.Scaled.Rmse, 12);
        Assert.Equal(data.Folds.Sum(f => f.Validation.Count), result.Objective.Windows);
        Assert.Equal(data.Test.Count, result.Test!.Windows);
        Assert.Equal(result.Folds[^1].KeptEpoch, result.KeptEpoch);
        Assert.Equal(data.Folds[^1].Train.Count, result.TrainWindows);
        Assert.NotNull(result.Model);
        Assert.Equal(data.WindowScaling, result.Model.WindowScaling);
        for (var k = 1; k < 3; k++)
        {
            Assert.True(result.Folds[k - 1].ValidationTo < result.Folds[k].ValidationFrom);
        }

        var metrics = result.ToMetrics();
        Assert.Equal(result.Folds[1].Validation!.Scaled.Mse, metrics["fold2_val_mse"]);
        Assert.Equal(result.Folds[2].KeptEpoch, metrics["fold3_epoch_kept"]);
        Assert.Equal(
            result.Folds.Select(f => (f.Fold, f.Validation!.Scaled.Mse, f.KeptEpoch)),
            FoldFigures.Read(metrics).Select(f => (f.Fold, f.ValidationMse!.Value, f.KeptEpoch!.Value)));
    }

    [Fact]
    public void A_failing_fold_fails_the_trial_naming_the_fold_and_scores_no_test()
    {
        var result = TrialRunner.Run(Data(2, FoldWindow.Sliding), Small with { LearningRate = 1e30, Epochs = 3 });

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.StartsWith("fold 1 of 2: ", result.FailureReason, StringComparison.Ordinal);
        Assert.Single(result.Folds);
        Assert.Null(result.Test);
        Assert.False(result.ToMetrics().ContainsKey("val_mse"));
    }

    [Fact]
    public void Other_protocols_have_no_folds()
    {
        var data = ForecastDataset.Build(SyntheticSeries.Wave(), new DatasetSpec(Small.SequenceLength));

        var result = TrialRunner.Run(data, Small);

        Assert.Empty(data.Folds);
        Assert.Empty(result.Folds);
        Assert.Empty(FoldFigures.Read(result.ToMetrics()));
    }
}
