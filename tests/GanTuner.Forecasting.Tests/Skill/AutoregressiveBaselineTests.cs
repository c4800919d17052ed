using GanTuner.Data.Protocols;
using GanTuner.Forecasting.Skill;

namespace GanTuner.Forecasting.Tests.Skill;

public sealed class AutoregressiveBaselineTests
{
    [Fact]
    public void Recovers_an_AR2_process_and_beats_persistence_on_it()
    {
        var data = ForecastDataset.Build(SyntheticSeries.Ar2(days: 3000), new DatasetSpec(5));

        var ar = AutoregressiveBaseline.Fit(data, [1, 2, 3, 5]);

        Assert.InRange(ar.Lags, 2, 5);
        Assert.Equal(0.6, ar.Coefficients[1], 0.1);
        Assert.Equal(-0.3, ar.Coefficients[2], 0.1);
        var test = ErrorMetrics.Compute(ar.PredictPrices(data.Test), data.Test.ActualClose);
        var naive = ErrorMetrics.Compute(data.Test.PreviousClose, data.Test.ActualClose);
        Assert.True(test.Rmse < 0.9 * naive.Rmse, $"AR RMSE {test.Rmse} vs naive {naive.Rmse}");
    }

    [Theory]
    [InlineData(Protocol.Holdout, ForecastTarget.LogReturn)]
    [InlineData(Protocol.Paper, ForecastTarget.Level)]
    [InlineData(Protocol.PaperShuffled, ForecastTarget.Level)]
    public void Fits_under_every_protocol_and_target_without_a_validation_split(Protocol protocol, ForecastTarget target)
    {
        var data = ForecastDataset.Build(SyntheticSeries.RandomWalk(), new DatasetSpec(10, protocol, target));

        var ar = AutoregressiveBaseline.Fit(data);
        var prices = ar.PredictPrices(data.Test);

        Assert.All(prices, p => Assert.True(double.IsFinite(p) && p > 0));
        var u2 = ErrorMetrics.Compute(prices, data.Test.ActualClose).Rmse / ErrorMetrics.Compute(data.Test.PreviousClose, data.Test.ActualClose).Rmse;
        Assert.InRange(u2, 0.9, 1.2);
    }

    [Fact]
    public void Mase_of_persistence_on_its_own_training_windows_is_one()
    {
        var data = ForecastDataset.Build(SyntheticSeries.Ar2(), new DatasetSpec(5));
        var ar = AutoregressiveBaseline.Fit(data);
        var scale = ForecastSkill.MaseScale(data.Train);

        var skill = ForecastSkill.Compute(data.Train, data.Train.PreviousClose, ar.Lags, ar.PredictPrices(data.Train), scale);
        var expected = data.Train.ActualClose.Zip(data.Train.PreviousClose, (a, b) => Math.Abs(a - b)).Average();

        Assert.Equal(expected, scale, 12);
        Assert.Equal(1.0, skill.NaiveMase, 12);
        Assert.Equal(1.0, skill.Mase, 12);
        Assert.Equal(0, skill.VersusNaive.Statistic);
        Assert.Equal(ErrorMetrics.Compute(ar.PredictPrices(data.Train), data.Train.ActualClose).Mae / scale, skill.ArMase, 12);
    }
}
