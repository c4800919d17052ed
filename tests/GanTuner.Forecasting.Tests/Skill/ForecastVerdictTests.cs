using GanTuner.Forecasting.Skill;

namespace GanTuner.Forecasting.Tests.Skill;

public sealed class ForecastVerdictTests
{
    [Theory]
    [InlineData(0.9999, 0.73, "is not significantly different from", false)] // a random walk's "win"
    [InlineData(0.93, 0.001, "beats", true)]
    [InlineData(1.2, 0.01, "loses to", false)]
    [InlineData(1.2, 0.4, "is not significantly different from", false)]
    [InlineData(0.95, double.NaN, "beats", true)] // no test: the ratio alone
    [InlineData(1.05, double.NaN, "does not beat", false)]
    public void A_lower_rmse_is_a_win_only_when_Diebold_Mariano_finds_it_significant(double ratio, double p, string verb, bool beats)
    {
        Assert.Equal(verb, ForecastVerdict.Verb(ratio, p));
        Assert.Equal(beats, ForecastVerdict.Beats(ratio, p));
    }
}
