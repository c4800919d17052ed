namespace GanTuner.Tuning.Tests;

/// <summary>Tuners asked while other trials run: never a pending configuration, and no change without pending ones.</summary>
public sealed class PendingTrialsTests
{
    private static readonly TunerOptions Fast = TunerOptions.Parse(
        ["tpe.startup=4", "ga.population=4", "grid.points=4", "gp.startup=4", "gan.startup=4", "gan.discriminator_steps=20", "gan.generator_steps=5"]);

    public static TheoryData<string> Tuners => ["random", "grid", "tpe", "tpe-univariate", "ga", "gp", "gan", "gan-paper"];

    /// <summary>2 × 3 × 2 = 12 configurations.</summary>
    private static SearchSpace TinySpace() => new(
    [
        new IntegerParameter("layers", 1, 2),
        new SteppedParameter("dropout", 0.1, 0.3, 0.1),
        new CategoricalParameter("activation", ["relu", "tanh"]),
    ]);

    [Theory]
    [MemberData(nameof(Tuners))]
    public void With_all_but_one_unseen_configuration_pending_the_tuner_proposes_that_one(string name)
    {
        var space = TinySpace();
        var tuner = TunerFactory.Create(name, space, 2, Fast);
        var told = TunerContractTests.Run(tuner, 6);
        var unseen = Enumerable.Range(0, 12).Select(k => space.Snap([(k % 2 + 0.5) / 2, (k / 2 % 3 + 0.5) / 3, (k / 6 + 0.5) / 2]))
            .Where(p => !told.Any(t => space.Decode(t) == space.Decode(p))).ToList();
        Assert.Equal(6, unseen.Count);

        // Pending points given off their cell centres: they are compared as configurations, not as floats.
        var pending = unseen.Take(5).Select(p => p.Select(x => x + 0.01).ToArray()).ToList();
        var proposal = tuner.Ask(pending);

        Assert.Equal(space.Decode(unseen[5]), space.Decode(proposal.Point));
    }

    [Theory]
    [MemberData(nameof(Tuners))]
    public void With_no_pending_trials_ask_is_unchanged(string name)
    {
        var space = SearchSpace.Table1();
        var plain = TunerFactory.Create(name, space, 4, Fast);
        var empty = TunerFactory.Create(name, space, 4, Fast);
        for (var i = 0; i < 12; i++)
        {
            var a = plain.Ask().Point;
            var b = empty.Ask([]).Point;
            Assert.Equal(a, b);
            plain.Tell(new Observation(a, a.Sum()));
            empty.Tell(new Observation(b, b.Sum()));
        }
    }

    [Theory]
    [InlineData("tpe")]
    [InlineData("gp")]
    [InlineData("gan")]
    public void A_pending_point_is_not_proposed_again_even_in_a_continuous_space(string name)
    {
        // A second worker asking while the first one's proposal runs must get another point.
        var space = new SearchSpace([new RealParameter("x", 0, 1), new RealParameter("y", 0, 1)]);
        var tuner = TunerFactory.Create(name, space, 6, Fast);
        TunerContractTests.Run(tuner, 14);
        var first = tuner.Ask().Point;
        var fresh = TunerFactory.Create(name, space, 6, Fast);
        TunerContractTests.Run(fresh, 14);

        var second = fresh.Ask([first]).Point;

        Assert.True(Math.Sqrt(first.Zip(second, (a, b) => (a - b) * (a - b)).Sum()) > 1e-3, $"{name}: {string.Join(",", first)} vs {string.Join(",", second)}");
    }
}
