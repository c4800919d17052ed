using GanTuner.Tuning;

namespace GanTuner.Tuning.Tests;

/// <summary>What every baseline tuner promises: determinism, canonical points, no repeats.</summary>
public sealed class TunerContractTests
{
    public static TheoryData<string> Tuners => ["random", "grid", "tpe", "tpe-univariate", "ga", "gp"];

    /// <summary>2 × 3 × 2 = 12 configurations: small enough to exhaust.</summary>
    private static SearchSpace TinySpace() => new(
    [
        new IntegerParameter("layers", 1, 2),
        new SteppedParameter("dropout", 0.1, 0.3, 0.1),
        new CategoricalParameter("activation", ["relu", "tanh"]),
    ]);

    [Theory]
    [MemberData(nameof(Tuners))]
    public void The_same_seed_and_observations_give_the_same_proposals(string name)
    {
        var first = Run(TunerFactory.Create(name, SearchSpace.Table1(), 5, Fast), 25);
        var second = Run(TunerFactory.Create(name, SearchSpace.Table1(), 5, Fast), 25);
        var other = Run(TunerFactory.Create(name, SearchSpace.Table1(), 6, Fast), 25);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void Proposals_are_canonical_points_of_the_cube(string name)
    {
        var space = SearchSpace.Table1();
        var tuner = TunerFactory.Create(name, space, 1, Fast);

        foreach (var point in Run(tuner, 25))
        {
            Assert.All(point, x => Assert.InRange(x, 0.0, 1.0));
            Assert.Equal(space.Snap(point), point);
        }
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void No_configuration_repeats_until_all_have_been_evaluated(string name)
    {
        var space = TinySpace();
        var tuner = TunerFactory.Create(name, space, 3, Fast);

        var points = Run(tuner, 12, failEvery: 3);
        var thirteenth = tuner.Ask();

        Assert.Equal(12, points.Select(p => space.Decode(p)).Distinct().Count());
        Assert.Equal(space.Dimensions, thirteenth.Point.Length);
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void A_configuration_told_without_an_ask_is_not_proposed_again(string name)
    {
        var space = TinySpace();
        var tuner = TunerFactory.Create(name, space, 4, Fast);
        var told = Enumerable.Range(0, 6).Select(i => space.Snap([i % 2 / 2.0, i / 2 / 3.0, 0.9])).ToList();
        foreach (var point in told)
        {
            tuner.Tell(new Observation(point, 1.0));
        }

        var proposed = Run(tuner, 6);

        Assert.Empty(proposed.Select(p => space.Decode(p)).Intersect(told.Select(p => space.Decode(p))));
    }

    /// <summary>Few start-up trials and a small GA population so the model-based phases are reached quickly.</summary>
    internal static TunerOptions Fast { get; } = TunerOptions.Parse(["tpe.startup=4", "ga.population=4", "grid.points=4", "gp.startup=4"]);

    internal static List<double[]> Run(ITuner tuner, int trials, int failEvery = 0)
    {
        var points = new List<double[]>();
        for (var i = 0; i < trials; i++)
        {
            var point = tuner.Ask().Point;
            points.Add(point);
            double? value = failEvery > 0 && i % failEvery == failEvery - 1 ? null : point.Sum(x => (x - 0.3) * (x - 0.3));
            tuner.Tell(new Observation(point, value));
        }

        return points;
    }
}
