using GanTuner.Data;
using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting.Tests;

public sealed class ObjectiveMeasureTests
{
    private static readonly TrialConfig Small = new(Layers: 1, Units: 6, LearningRate: 0.01, BatchSize: 16, SequenceLength: 8, Dropout: 0.0, Epochs: 3, Seed: 3, Threads: 1);

    /// <summary>A random walk that calms down: 3 % a day for its first 60 %, 0.5 % after, so a window's own RMS change
    /// (window scaling's unit) is far from the training rows' typical change in the validation period.</summary>
    private static PriceSeries CalmingWalk()
    {
        var random = new Random(11);
        var close = new double[700];
        close[0] = 100;
        for (var t = 1; t < close.Length; t++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            close[t] = close[t - 1] * Math.Exp((t < 420 ? 0.03 : 0.005) * gaussian);
        }

        return new PriceSeries("calming walk", [.. Enumerable.Range(0, close.Length).Select(i => new DateOnly(2020, 1, 1).AddDays(i))], close);
    }

    private static ForecastDataset Windowed(int sequenceLength) =>
        ForecastDataset.Build(CalmingWalk(), new DatasetSpec(sequenceLength, Protocol.Holdout, Scaling: Scaling.Window));

    [Fact]
    public void Under_window_scaling_persistence_scores_one_at_every_window_length_where_the_scaled_mse_does_not()
    {
        var scaledMse = new List<double>();
        foreach (var length in new[] { 1, 5, 40 })
        {
            var data = Windowed(length);
            var validation = data.Objective;
            // Under window scaling an output of 0 is exactly tomorrow = today.
            var persistence = new float[validation.Count];
            var measure = ObjectiveMeasure.For(data);

            Assert.Equal("val_u2", measure.Name);
            Assert.Equal(1.0, measure.Of(data, validation, persistence), 12);
            scaledMse.Add(validation.Targets.Average(t => (double)t * t));
        }

        // The artefact the measure exists for: the same forecast's scaled MSE changes with the window's length.
        Assert.True(scaledMse.Max() > 1.5 * scaledMse.Min(), $"scaled MSEs {string.Join(", ", scaledMse)}");
    }

    [Fact]
    public void A_window_scaled_trial_is_scored_by_its_validation_u2_and_keeps_the_epoch_best_by_it()
    {
        var data = Windowed(Small.SequenceLength);
        var result = TrialRunner.Run(data, Small with { Epochs = 6 }, new TrialOptions(EarlyStopping: new EarlyStopping(Patience: 2, MinSteps: 1, MaxEpochs: 6)));

        Assert.Equal(TrialStatus.Ok, result.Status);
        Assert.Equal("val_u2", result.Measure!.Name);
        Assert.Equal(result.Objective!.U2, result.ObjectiveValue);
        Assert.Equal(result.ToMetrics()["val_u2"], result.ObjectiveValue);
        Assert.Equal(result.EpochsRun, result.EpochObjective.Count);
        // The epoch figure is computed as training runs, the final one from the full evaluation: the same number.
        Assert.Equal(result.ObjectiveValue, result.EpochObjective[result.KeptEpoch - 1], 9);
        Assert.Equal(result.EpochObjective.Min(), result.EpochObjective[result.KeptEpoch - 1]);
        Assert.NotEqual(result.EpochValidationLoss, result.EpochObjective);
    }

    [Theory]
    [InlineData(Protocol.Holdout, "val_mse")]
    [InlineData(Protocol.Paper, "test_mse")]
    public void Under_global_scaling_the_measure_is_the_scaled_mse_as_the_paper_minimised(Protocol protocol, string name)
    {
        var data = ForecastDataset.Build(CalmingWalk(), new DatasetSpec(Small.SequenceLength, protocol));
        var result = TrialRunner.Run(data, Small);

        Assert.Equal(name, result.Measure!.Name);
        Assert.Equal(result.Objective!.Scaled.Mse, result.ObjectiveValue);
        Assert.Equal(result.EpochValidationLoss, result.EpochObjective);
    }
}
