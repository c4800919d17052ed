namespace GanTuner.Forecasting.Tests;

public sealed class ErrorMetricsTests
{
    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        double[] actual = [1, 2, 4];
        double[] predicted = [2, 2, 2];

        var m = ErrorMetrics.Compute(predicted, actual);

        Assert.Equal(5.0 / 3, m.Mse, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), m.Rmse, 12);
        Assert.Equal(1.0, m.Mae, 12);
        Assert.Equal(100.0 * (1 + 0 + 0.5) / 3, m.Mape, 12);
        var mean = 7.0 / 3;
        var sst = Math.Pow(1 - mean, 2) + Math.Pow(2 - mean, 2) + Math.Pow(4 - mean, 2);
        Assert.Equal(1 - (5 / sst), m.R2, 12);
    }

    [Fact]
    public void Mape_skips_zero_actual_values()
    {
        var m = ErrorMetrics.Compute([1, 3], [0, 2]);

        Assert.Equal(50.0, m.Mape, 12);
    }
}
