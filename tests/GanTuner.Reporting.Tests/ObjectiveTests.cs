using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Tests;

public sealed class ObjectiveTests
{
    [Fact]
    public void Best_so_far_keeps_the_lowest_value_and_skips_failed_trials()
    {
        var best = Objective.BestSoFar([null, 0.5, 0.7, null, 0.2, double.NaN, 0.3]);

        Assert.Equal([null, 0.5, 0.5, 0.5, 0.2, 0.2, 0.2], best);
    }

    [Fact]
    public void Moving_average_is_trailing_and_ignores_missing_values()
    {
        var smoothed = Objective.MovingAverage([1.0, 3.0, null, 5.0, 7.0], window: 3);

        Assert.Equal([1.0, 2.0, 2.0, 4.0, 6.0], smoothed);
    }

    [Fact]
    public void Best_trial_is_the_earliest_with_the_lowest_objective()
    {
        var model = SampleReports.Trials();
        var tie = model.Iterations[16] with { Number = 22 };
        var withTie = model with { Iterations = [.. model.Iterations, tie] };

        Assert.Equal(17, model.Best!.Number);
        Assert.Equal(17, withTie.Best!.Number);
    }

    [Fact]
    public void Residuals_are_actual_minus_predicted()
    {
        var forecast = new TestForecast([new(2020, 1, 1), new(2020, 1, 2)], [10, 12], [9, 13], [8, 10]);

        Assert.Equal([1.0, -1.0], forecast.Residuals());
    }
}
