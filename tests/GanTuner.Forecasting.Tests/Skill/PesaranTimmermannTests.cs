using GanTuner.Forecasting.Skill;

namespace GanTuner.Forecasting.Tests.Skill;

public sealed class PesaranTimmermannTests
{
    [Fact]
    public void Matches_the_formula_worked_out_independently()
    {
        // 20 calls, 16 right; P̂ = 0.8, P̂x = 0.65, P̂y = 0.55, so P* = 0.515 and (worked in R from the
        // 1992 paper's formulas) PT = 2.75543237848574, one-sided p = 1 − Φ(PT) = 0.0029307309632739.
        double[] predicted = [1, -1, 1, 1, -1, 1, 1, -1, -1, 1, 1, 1, -1, 1, -1, 1, 1, -1, 1, 1];
        double[] actual = [1, -1, 1, -1, -1, 1, 1, 1, -1, 1, -1, 1, -1, 1, -1, -1, 1, -1, 1, 1];

        var result = PesaranTimmermann.Test(predicted, actual);

        Assert.Equal(0.8, result.HitRate, 12);
        Assert.Equal(2.75543237848574, result.Statistic, 1e-12);
        Assert.Equal(0.0029307309632739, result.PValue, 1e-12);
    }

    [Fact]
    public void A_forecast_that_never_changes_its_call_has_no_statistic()
    {
        var result = PesaranTimmermann.Test([0.0, 0.0, 0.0, 0.0], [1.0, -1.0, 1.0, -1.0]);

        Assert.Equal(0.5, result.HitRate);
        Assert.True(double.IsNaN(result.Statistic));
        Assert.True(double.IsNaN(result.PValue));
    }
}
