using GanTuner.Neural;
using GanTuner.Tuning.Gp;
using GanTuner.Tuning.Objectives;
using MathNet.Numerics.LinearAlgebra;

namespace GanTuner.Tuning.Tests;

/// <summary>The GP tuner's parts: the marginal likelihood's gradient, log EI's tail, and a search that works.</summary>
public sealed class GpTunerTests
{
    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var random = new SeededRandom(3);
        var points = Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble(), random.NextDouble(), (random.NextInt(3) + 0.5) / 3 }).ToList();
        var values = Vector<double>.Build.DenseOfEnumerable(points.Select(p => Math.Sin(6 * p[0]) + p[1] + (p[2] > 0.5 ? 1 : 0)));
        bool[] categorical = [false, false, true];
        var squared = GaussianProcessFit.SquaredDifferences(points, categorical);
        var theta = Vector<double>.Build.DenseOfArray([-0.7, 0.3, 0.1, 0.2, -3.0]);

        var (_, gradient) = GaussianProcessFit.NegativeLogPosterior(theta, squared, values, 12, 3);

        for (var k = 0; k < theta.Count; k++)
        {
            var up = theta.Clone();
            var down = theta.Clone();
            up[k] += 1e-5;
            down[k] -= 1e-5;
            var numeric = (GaussianProcessFit.NegativeLogPosterior(up, squared, values, 12, 3).Value
                - GaussianProcessFit.NegativeLogPosterior(down, squared, values, 12, 3).Value) / 2e-5;
            Assert.Equal(numeric, gradient[k], 4);
        }
    }

    [Theory]
    [InlineData(-5.99999)]
    [InlineData(-6.00001)]
    public void Log_ei_is_continuous_where_it_switches_to_the_asymptotic_series(double z) =>
        Assert.Equal(LogExpectedImprovement.LogH(-6.0), LogExpectedImprovement.LogH(z), 2);

    [Fact]
    public void Log_ei_is_finite_far_in_the_tail_and_grows_with_the_gap()
    {
        var far = LogExpectedImprovement.LogH(-40);
        Assert.True(double.IsFinite(far));
        Assert.True(far < LogExpectedImprovement.LogH(-20));
        Assert.True(LogExpectedImprovement.LogH(-20) < LogExpectedImprovement.LogH(0));
    }

    [Fact]
    public void On_branin_the_gp_finds_the_minimum_within_30_evaluations_where_random_search_does_not()
    {
        var objective = SyntheticObjective.Branin;
        double Best(string name, int seed)
        {
            var tuner = TunerFactory.Create(name, objective.Space(), seed, TunerOptions.Empty);
            var best = double.PositiveInfinity;
            for (var i = 0; i < 30; i++)
            {
                var point = tuner.Ask().Point;
                var value = objective.Function(point);
                tuner.Tell(new Observation(point, value));
                best = Math.Min(best, value);
            }

            return best;
        }

        var gp = Enumerable.Range(0, 3).Select(s => Best("gp", s)).Order().ElementAt(1);
        var random = Enumerable.Range(0, 3).Select(s => Best("random", s)).Order().ElementAt(1);

        Assert.True(gp < 0.45, $"gp median {gp}");
        Assert.True(gp < random, $"gp median {gp}, random {random}");
    }
}
