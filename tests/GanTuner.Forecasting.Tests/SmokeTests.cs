namespace GanTuner.Forecasting.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.NotNull(typeof(SmokeTests).Assembly);
}
