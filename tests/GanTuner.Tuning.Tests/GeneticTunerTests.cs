using GanTuner.Tuning;
using GanTuner.Tuning.Tuners.Genetic;

namespace GanTuner.Tuning.Tests;

public sealed class GeneticTunerTests
{
    [Fact]
    public void Each_generation_after_the_first_breeds_population_minus_elites_children()
    {
        var space = SearchSpace.Table1();
        var tuner = new GeneticTuner(space, 1, GeneticSettings.From(TunerOptions.Parse(["ga.population=6", "ga.elites=2"])));

        var generations = new List<string>();
        for (var i = 0; i < 6 + 4 + 4; i++)
        {
            var proposal = tuner.Ask();
            generations.Add(proposal.Attributes["ga.generation"]);
            tuner.Tell(new Observation(proposal.Point, proposal.Point.Sum()));
        }

        Assert.Equal(Enumerable.Repeat("1", 6).Concat(Enumerable.Repeat("2", 4)).Concat(Enumerable.Repeat("3", 4)), generations);
    }

    [Fact]
    public void Children_resemble_good_parents_more_than_random_points_do()
    {
        // Minimising the distance to a target: after a few generations the children cluster near it.
        var space = new SearchSpace(Enumerable.Range(0, 4).Select(i => new RealParameter($"x{i}", 0, 1)));
        var tuner = new GeneticTuner(space, 3, GeneticSettings.From(TunerOptions.Empty));
        double Distance(double[] p) => p.Sum(x => Math.Abs(x - 0.8));

        var values = new List<double>();
        for (var i = 0; i < 80; i++)
        {
            var point = tuner.Ask().Point;
            values.Add(Distance(point));
            tuner.Tell(new Observation(point, values[^1]));
        }

        Assert.True(values.Skip(60).Average() < values.Take(10).Average() / 3);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<TunerOptionsException>(() => GeneticSettings.From(TunerOptions.Parse(["ga.elites=10"])));
        Assert.Throws<TunerOptionsException>(() => GeneticSettings.From(TunerOptions.Parse(["ga.crossover=onepoint"])));
    }
}
