using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting.Tests;

public sealed class TrialRunnerTests
{
    private static readonly TrialConfig Small = new(Layers: 2, Units: 6, LearningRate: 0.01, BatchSize: 16, SequenceLength: 8, Dropout: 0.2, Epochs: 2, Seed: 3, Threads: 1);

    private static ForecastDatasetCache Data(Protocol protocol = Protocol.Holdout) =>
        new(SyntheticSeries.Wave(), new DatasetSpec(Small.SequenceLength, protocol));

    [Fact]
    public void Trial_trains_and_scores_every_split()
    {
        var result = TrialRunner.Run(Data(), Small);

        Assert.Equal(TrialStatus.Ok, result.Status);
        Assert.Null(result.FailureReason);
        Assert.Equal(2, result.EpochsRun);
        Assert.Equal(2, result.EpochTrainLoss.Count);
        Assert.Equal(2, result.EpochValidationLoss.Count);
        Assert.Equal(SplitKind.Validation, result.ObjectiveSplit);
        Assert.NotNull(result.Objective);
        Assert.NotNull(result.Test);
        Assert.Equal(SplitKind.Validation, result.Objective.Split);
        Assert.Equal(SplitKind.Test, result.Test.Split);
        Assert.Equal(result.Test.Price.Rmse / result.Test.NaivePrice.Rmse, result.Test.U2);
        Assert.Equal(result.Objective.Scaled.Mse, result.EpochValidationLoss[^1], 6);
        Assert.Equal(result.Test.Windows, result.TestPredictions!.Predicted.Count);
        Assert.All(result.TestPredictions.Predicted, p => Assert.True(double.IsFinite(p)));
        Assert.Equal(4 * 6 * (1 + 6 + 1) + (4 * 6 * (6 + 6 + 1)) + 7, result.Parameters);
        Assert.True(result.TrainSeconds > 0 && result.WallSeconds >= result.TrainSeconds);
        Assert.True(result.PeakMemoryMb > 0);
        Assert.True(result.CpuSeconds > 0);
    }

    [Fact]
    public void Trial_under_the_paper_protocol_optimises_the_test_split()
    {
        var result = TrialRunner.Run(Data(Protocol.Paper), Small);

        Assert.Equal(TrialStatus.Ok, result.Status);
        Assert.Equal(SplitKind.Test, result.ObjectiveSplit);
        Assert.Same(result.Test, result.Objective);
        var metrics = result.ToMetrics();
        Assert.Equal(metrics["test_mse"], metrics["val_mse"]);
    }

    [Fact]
    public void Same_seed_and_threads_give_bit_identical_results()
    {
        var config = Small with { Threads = 2, BatchSize = 32 };
        var a = TrialRunner.Run(Data(), config);
        var b = TrialRunner.Run(Data(), config);

        Assert.Equal(TrialStatus.Ok, a.Status);
        Assert.Equal(2, a.Threads);
        Assert.Equal(a.EpochTrainLoss, b.EpochTrainLoss);
        Assert.Equal(a.EpochValidationLoss, b.EpochValidationLoss);
        Assert.Equal(a.TestPredictions!.Predicted, b.TestPredictions!.Predicted);
    }

    [Fact]
    public void A_different_seed_gives_a_different_model()
    {
        var a = TrialRunner.Run(Data(), Small);
        var b = TrialRunner.Run(Data(), Small with { Seed = 4 });

        Assert.NotEqual(a.EpochTrainLoss, b.EpochTrainLoss);
    }

    [Fact]
    public void Training_lowers_the_loss_on_a_learnable_series()
    {
        var result = TrialRunner.Run(Data(), Small with { Epochs = 6, Dropout = 0.0 });

        Assert.True(result.EpochTrainLoss[^1] < result.EpochTrainLoss[0] / 2, string.Join(", ", result.EpochTrainLoss));
    }

    [Fact]
    public void A_diverging_trial_comes_back_failed_instead_of_throwing()
    {
        var result = TrialRunner.Run(Data(), Small with { LearningRate = 1e30, Epochs = 3 });

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Contains("became", result.FailureReason, StringComparison.Ordinal);
        Assert.Null(result.Test);
        Assert.False(result.ToMetrics().ContainsKey("test_mse"));
    }

    [Fact]
    public void An_invalid_configuration_comes_back_failed()
    {
        var result = TrialRunner.Run(Data(), Small with { Dropout = 1.5 });

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Contains("dropout", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_longer_than_the_data_allows_comes_back_failed()
    {
        var result = TrialRunner.Run(Data(), Small with { SequenceLength = 400 });

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Contains("too few rows", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_trial_stops_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Batch == 2)
            {
                cancel.Cancel();
            }
        });

        var result = TrialRunner.Run(Data(), Small, progress: progress, cancellationToken: cancel.Token);

        Assert.Equal(TrialStatus.Cancelled, result.Status);
        Assert.Equal(0, result.EpochsRun);
    }

    [Fact]
    public void Progress_is_reported_for_every_batch_and_epoch()
    {
        var reports = new List<TrialProgress>();
        var result = TrialRunner.Run(Data(), Small, progress: new InlineProgress(reports.Add));

        var batches = (result.TrainWindows + Small.BatchSize - 1) / Small.BatchSize;
        Assert.Equal(Small.Epochs * (batches + 1), reports.Count);
        Assert.Equal(2, reports.Count(r => r.EpochFinished));
        Assert.Equal(result.EpochValidationLoss[^1], reports[^1].ValidationLoss);
    }

    [Fact]
    public void Metrics_carry_the_documented_keys()
    {
        var metrics = TrialRunner.Run(Data(), Small).ToMetrics();

        string[] keys =
        [
            "val_mse", "val_rmse", "val_mae", "val_mape", "val_r2", "val_mse_price", "val_rmse_price", "val_mae_price", "val_mape_price", "val_r2_price",
            "test_mse", "test_rmse", "test_mae", "test_mape", "test_r2", "test_mse_price", "test_rmse_price", "test_mae_price", "test_mape_price", "test_r2_price",
            "naive_val_mse", "naive_test_mse", "naive_test_rmse_price", "test_u2", "val_u2",
            "train_seconds", "wall_seconds", "cpu_seconds", "cpu_percent", "peak_memory_mb", "parameters", "epochs_run", "threads", "final_train_loss", "final_val_loss",
        ];
        Assert.All(keys, k => Assert.True(metrics.ContainsKey(k), k));
        Assert.Equal(metrics["test_rmse_price"] / metrics["naive_test_rmse_price"], metrics["test_u2"], 12);
    }

    private sealed class InlineProgress(Action<TrialProgress> action) : IProgress<TrialProgress>
    {
        public void Report(TrialProgress value) => action(value);
    }
}
