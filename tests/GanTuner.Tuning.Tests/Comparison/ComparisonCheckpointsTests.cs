using GanTuner.Tuning.Comparison;

namespace GanTuner.Tuning.Tests.Comparison;

public sealed class ComparisonCheckpointsTests
{
    [Theory]
    [InlineData(3, new[] { 3 })]
    [InlineData(5, new[] { 5 })]
    [InlineData(12, new[] { 5, 10, 12 })]
    [InlineData(20, new[] { 5, 10, 20 })]
    [InlineData(50, new[] { 5, 10, 20, 50 })]
    [InlineData(80, new[] { 5, 10, 20, 50, 80 })]
    public void Checkpoints_are_5_10_20_50_within_the_budget_and_the_budget_itself(int budget, int[] expected)
    {
        Assert.Equal(expected, ComparisonCheckpoints.For(budget));
    }
}
