using GanTuner.Tuning.Objectives;

namespace GanTuner.Tuning.Tests;

public sealed class ObjectiveFunctionsTests
{
    [Fact]
    public void Hartmann6_reaches_its_minimum_at_the_known_point()
    {
        double[] minimiser = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];

        Assert.Equal(ObjectiveFunctions.Hartmann6Minimum, ObjectiveFunctions.Hartmann6(minimiser), 4);
        Assert.True(ObjectiveFunctions.Hartmann6([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]) > -1);
    }

    [Theory]
    [InlineData(-Math.PI, 12.275)]
    [InlineData(Math.PI, 2.275)]
    [InlineData(9.42478, 2.475)]
    public void Branin_reaches_its_minimum_at_its_three_minimisers(double x1, double x2)
    {
        var value = ObjectiveFunctions.Branin([(x1 + 5) / 15, x2 / 15]);

        Assert.Equal(ObjectiveFunctions.BraninMinimum, value, 5);
    }

    [Fact]
    public void A_synthetic_objective_evaluates_configurations_of_its_space()
    {
        var objective = SyntheticObjective.Find("HARTMANN6")!;
        var point = new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };

        Assert.Equal(ObjectiveFunctions.Hartmann6(point), objective.Evaluate(objective.Space().Decode(point)));
        Assert.Null(SyntheticObjective.Find("rosenbrock"));
    }
}
