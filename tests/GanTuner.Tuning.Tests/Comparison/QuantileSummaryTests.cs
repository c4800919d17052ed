using GanTuner.Tuning.Comparison;

namespace GanTuner.Tuning.Tests.Comparison;

public sealed class QuantileSummaryTests
{
    [Fact]
    public void Quartiles_interpolate_linearly_as_numpy_does()
    {
        Assert.Equal(new QuantileSummary(1.75, 2.5, 3.25), QuantileSummary.Of([4, 1, 3, 2]));
        Assert.Equal(new QuantileSummary(7, 7, 7), QuantileSummary.Of([7]));
    }

    [Fact]
    public void Several_infinite_values_give_infinity_not_nan()
    {
        // A run whose every trial failed scores +∞; three of them among four runs.
        var summary = QuantileSummary.Of([double.PositiveInfinity, 0.5, double.PositiveInfinity, double.PositiveInfinity]);

        Assert.Equal(new QuantileSummary(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity), summary);
        Assert.Equal(double.PositiveInfinity, QuantileSummary.Of([1, 2, double.PositiveInfinity, double.PositiveInfinity]).UpperQuartile);
    }
}
