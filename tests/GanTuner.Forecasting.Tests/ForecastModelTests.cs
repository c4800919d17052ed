using GanTuner.Data.Protocols;
using GanTuner.Neural;

namespace GanTuner.Forecasting.Tests;

public sealed class ForecastModelTests
{
    private const InputFeatures AllFeatures = InputFeatures.Close | InputFeatures.Return | InputFeatures.Range | InputFeatures.Volume;

    [Theory]
    [InlineData(ForecastTarget.Level, Scaling.Global, InputFeatures.Close)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Global, InputFeatures.Close)]
    [InlineData(ForecastTarget.Level, Scaling.Window, InputFeatures.Close)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Window, InputFeatures.Close)]
    [InlineData(ForecastTarget.Level, Scaling.Global, AllFeatures)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Global, InputFeatures.Close | InputFeatures.Range)]
    [InlineData(ForecastTarget.Level, Scaling.Window, AllFeatures)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Window, InputFeatures.Close | InputFeatures.Return | InputFeatures.Volume)]
    public void A_saved_model_loads_with_the_same_weights_and_forecasts(ForecastTarget target, Scaling scaling, InputFeatures features)
    {
        var series = SyntheticSeries.WaveBars();
        var datasets = new ForecastDatasetCache(series, new DatasetSpec(6, Protocol.Holdout, target, Scaling: scaling, Features: features));
        var result = TrialRunner.Run(datasets, new TrialConfig(1, 4, 0.01, 16, 6, 0.0, Epochs: 1, Threads: 1), new TrialOptions(KeepModel: true));
        var model = result.Model!;
        var path = Path.Combine(Path.GetTempPath(), $"gantuner-model-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path);
            var loaded = ForecastModel.Load(path);

            Assert.Equal(model.Network.Parameters, loaded.Network.Parameters);
            Assert.Equal(model.Network.Spec, loaded.Network.Spec);
            Assert.Equal(model.Data, loaded.Data);
            Assert.Equal(model.Scaler, loaded.Scaler);
            Assert.Equal(model.WindowScaling, loaded.WindowScaling);
            Assert.Equal(features, loaded.Data.Features);
            Assert.Equal(features.Count(), loaded.Network.Spec.InputSize);
            Assert.Equal(model.FeatureScaling.Min, loaded.FeatureScaling.Min);
            Assert.Equal(model.FeatureScaling.Max, loaded.FeatureScaling.Max);
            Assert.Equal(model.FeatureScaling.Spread, loaded.FeatureScaling.Spread);
            var next = loaded.PredictNextClose(series);
            Assert.Equal(model.PredictNextClose(series), next);
            Assert.InRange(next, series.Close.Min() * 0.5, series.Close.Max() * 1.5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(ForecastTarget.Level, Scaling.Global, InputFeatures.Close)]
    [InlineData(ForecastTarget.Level, Scaling.Window, InputFeatures.Close)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Window, InputFeatures.Close)]
    [InlineData(ForecastTarget.Level, Scaling.Global, AllFeatures)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Global, AllFeatures)]
    [InlineData(ForecastTarget.Level, Scaling.Window, AllFeatures)]
    [InlineData(ForecastTarget.LogReturn, Scaling.Window, AllFeatures)]
    public void The_next_close_uses_the_same_window_as_the_dataset(ForecastTarget target, Scaling scaling, InputFeatures features)
    {
        var series = SyntheticSeries.WaveBars();
        var data = ForecastDataset.Build(series, new DatasetSpec(6, Target: target, Scaling: scaling, Features: features));
        var model = TrialRunner.Run(data, new TrialConfig(1, 3, 0.01, 16, 6, 0.0, Epochs: 1, Threads: 1), new TrialOptions(KeepModel: true)).Model!;

        var input = data.NextInput(out var frame);
        var expected = ForecastDataset.ToPrice(target, frame, model.PredictScaled(input)[0], series.Close[^1]);

        Assert.Equal(expected, model.PredictNextClose(series), 9);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_readable_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gantuner-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"format\":\"something-else\"}");
        try
        {
            var error = Assert.Throws<ModelFileException>(() => ForecastModel.Load(path));
            Assert.Contains("not a GanTuner LSTM model file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
