using GanTuner.Data.Protocols;

namespace GanTuner.Data.Tests.Protocols;

public sealed class MinMaxScalerTests
{
    [Fact]
    public void Fitted_minimum_maps_to_zero_and_maximum_to_one()
    {
        var scaler = MinMaxScaler.Fit([5.0, 2.0, 10.0, 7.0]);

        Assert.Equal(0.0, scaler.Transform(2.0));
        Assert.Equal(1.0, scaler.Transform(10.0));
        Assert.Equal(0.625, scaler.Transform(7.0));
    }

    [Fact]
    public void Scaler_round_trips_values_inside_and_outside_the_fitted_range()
    {
        var random = new Random(7);
        var scaler = MinMaxScaler.Fit([1234.5, 987.25, 4321.0]);
        for (var i = 0; i < 1000; i++)
        {
            var value = (random.NextDouble() * 10000) - 2000;

            Assert.Equal(value, scaler.Inverse(scaler.Transform(value)), 1e-9);
        }
    }

    [Fact]
    public void Constant_values_cannot_be_fitted()
    {
        Assert.Throws<ArgumentException>(() => MinMaxScaler.Fit([3.0, 3.0, 3.0]));
        Assert.Throws<ArgumentException>(() => MinMaxScaler.Fit([]));
        Assert.Throws<ArgumentException>(() => MinMaxScaler.Fit([1.0, double.NaN]));
    }
}
