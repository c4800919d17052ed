using GanTuner.Forecasting.Skill;

namespace GanTuner.Forecasting.Tests.Skill;

/// <summary>Reference values from R 4.2.2, forecast 8.20: <c>dm.test(e1, e2, h = h, power = p)</c> (two-sided).</summary>
public sealed class DieboldMarianoTests
{
    private static readonly double[] E1 = [0.5, -1.2, 0.3, 2.1, -0.7, 0.9, -1.5, 0.2, 1.1, -0.4];
    private static readonly double[] E2 = [0.8, -0.9, 1.3, 1.7, -1.6, 0.4, -2.0, 1.0, 0.6, -1.1];

    [Theory]
    [InlineData(1, 2, -1.04992642307693, 0.321126058203118)]
    [InlineData(3, 2, -1.33306413162339, 0.215269103028986)]
    [InlineData(1, 1, -1.28529466615816, 0.230776929862641)]
    public void Matches_R_forecast_dm_test(int horizon, double power, double statistic, double p)
    {
        var result = DieboldMariano.Test(E1, E2, horizon, power);

        Assert.Equal(statistic, result.Statistic, 1e-12);
        Assert.Equal(p, result.PValue, 1e-12);
        Assert.Equal(10, result.Count);
    }

    [Fact]
    public void A_negative_variance_estimate_falls_back_on_horizon_one_as_R_does()
    {
        // dm.test(e1, e2, h = 2) warns "Variance is negative" and returns its h = 1 result.
        var result = DieboldMariano.Test(E1, E2, horizon: 2);

        Assert.Equal(-1.04992642307693, result.Statistic, 1e-12);
        Assert.Equal(0.321126058203118, result.PValue, 1e-12);
    }

    [Fact]
    public void Identical_errors_are_no_evidence_and_swapping_flips_the_sign()
    {
        var same = DieboldMariano.Test(E1, E1);
        var swapped = DieboldMariano.Test(E2, E1);

        Assert.Equal(0, same.Statistic);
        Assert.Equal(1, same.PValue, 12);
        Assert.Equal(1.04992642307693, swapped.Statistic, 1e-12);
    }
}
