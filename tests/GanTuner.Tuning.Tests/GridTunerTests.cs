using GanTuner.Tuning;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Tests;

public sealed class GridTunerTests
{
    private static readonly SearchSpace Space = new(
    [
        new RealParameter("x", 0, 1),
        new IntegerParameter("layers", 1, 2),
    ]);

    [Fact]
    public void The_grid_is_visited_once_in_a_seeded_order_then_search_goes_on_randomly()
    {
        var tuner = new GridTuner(Space, 1, new GridSettings(3));

        var points = TunerContractTests.Run(tuner, 7);
        var other = TunerContractTests.Run(new GridTuner(Space, 2, new GridSettings(3)), 6);

        Assert.Equal(6, tuner.Size);
        var grid = points.Take(6).Select(p => $"{p[0]:F4}/{p[1]:F2}").Order().ToList();
        Assert.Equal(["0.1667/0.25", "0.1667/0.75", "0.5000/0.25", "0.5000/0.75", "0.8333/0.25", "0.8333/0.75"], grid);
        Assert.DoesNotContain($"{points[6][0]:F4}/{points[6][1]:F2}", grid);
        Assert.NotEqual(points.Take(6).Select(p => p[0]), other.Select(p => p[0]));
    }

    [Fact]
    public void Points_per_dimension_come_from_the_options()
    {
        var tuner = (GridTuner)TunerFactory.Create("grid", SearchSpace.Table1(), 0, TunerOptions.Parse(["grid.points=4"]));

        // layers has 5 values, so 4 of them; every other parameter gets 4 levels: 4^6.
        Assert.Equal(4096, tuner.Size);
    }
}
