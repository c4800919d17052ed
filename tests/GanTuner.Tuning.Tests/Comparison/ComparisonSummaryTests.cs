using GanTuner.Tuning.Comparison;

namespace GanTuner.Tuning.Tests.Comparison;

public sealed class ComparisonSummaryTests
{
    private static BestSoFarCurve Run(int seed, double[] best, double? testMse = null) =>
        new(seed, best) { BestMetrics = testMse is { } m ? new Dictionary<string, double> { ["test_mse"] = m } : new Dictionary<string, double>() };

    private static ComparisonResult Result()
    {
        var plan = new ComparisonPlan("f", SearchSpace.Parse("""{"parameters":[{"name":"x","kind":"real","low":0,"high":1}]}"""),
            ["gan", "random", "grid"], 12, 3, 0, TunerOptions.Empty);
        return new ComparisonResult(plan,
        [
            new TunerCurves("gan", [Run(0, [.. Enumerable.Repeat(1.0, 12)], 0.1), Run(1, [.. Enumerable.Repeat(2.0, 12)], 0.2), Run(2, [.. Enumerable.Repeat(3.0, 12)], 0.3)]),
            new TunerCurves("random", [Run(0, [.. Enumerable.Repeat(2.0, 12)]), Run(1, [.. Enumerable.Repeat(2.0, 12)]), Run(2, [.. Enumerable.Repeat(4.0, 12)])]),
            new TunerCurves("grid", [Run(0, [9.0, .. Enumerable.Repeat(0.5, 11)]), Run(1, [.. Enumerable.Repeat(5.0, 12)]), Run(2, [.. Enumerable.Repeat(5.0, 12)])]),
        ]);
    }

    [Fact]
    public void Summary_reports_quartiles_at_each_checkpoint()
    {
        var summary = ComparisonSummary.Of(Result());

        Assert.Equal([5, 10, 12], summary.Checkpoints);
        var gan = summary.Tuners[0];
        Assert.Equal([5, 10, 12], gan.Checkpoints.Select(c => c.Evaluations));
        Assert.Equal(new QuantileSummary(1.5, 2, 2.5), gan.Checkpoints[^1].Best);
        // grid after 5 evaluations: 0.5, 5, 5 (its first trial, 9, is long beaten on seed 0).
        Assert.Equal(new QuantileSummary(2.75, 5, 5), summary.Tuners[2].Checkpoints[0].Best);
    }

    [Fact]
    public void The_gan_is_tested_against_every_other_tuner_and_every_tuner_but_random_gets_a_win_rate()
    {
        var summary = ComparisonSummary.Of(Result());
        var (gan, random, grid) = (summary.Tuners[0], summary.Tuners[1], summary.Tuners[2]);

        Assert.Equal(("gan", "random"), (summary.Reference, summary.Baseline));
        Assert.Null(gan.ReferenceTest);
        Assert.NotNull(random.ReferenceTest);
        Assert.Equal(2, random.ReferenceTest!.NonZero); // seed 1 is a tie, dropped
        Assert.Equal(0, random.ReferenceTest.RankSumPositive); // the GAN is never worse than random
        Assert.Equal(3, grid.ReferenceTest!.NonZero);
        Assert.Null(random.WinRateVsBaseline);
        Assert.Equal((1 + 0.5 + 1) / 3, gan.WinRateVsBaseline!.Value, 12);
        Assert.Equal(1.0 / 3, grid.WinRateVsBaseline!.Value, 12);
    }

    [Fact]
    public void Mean_ranks_use_the_final_best_of_each_seed()
    {
        var summary = ComparisonSummary.Of(Result());

        // seed 0: grid 0.5, gan 1, random 2; seed 1: gan and random tie at 2, grid 5; seed 2: gan 3, random 4, grid 5.
        Assert.Equal([(2 + 1.5 + 1) / 3, (3 + 1.5 + 2) / 3, (1 + 3 + 3) / 3.0], summary.Tuners.Select(t => t.MeanRank));
    }

    [Fact]
    public void Metrics_of_the_best_trials_are_summarised_where_recorded()
    {
        var summary = ComparisonSummary.Of(Result(), ["test_mse"]);

        Assert.Equal(0.2, summary.Tuners[0].Metrics["test_mse"].Median, 12);
        Assert.False(summary.Tuners[1].Metrics.ContainsKey("test_mse"));
    }

    [Fact]
    public void Without_a_gan_or_random_search_there_is_no_test_and_no_win_rate()
    {
        var result = Result();
        var withoutThem = result with { Tuners = [result.Tuners[2]], Plan = result.Plan with { Tuners = ["grid"] } };

        var summary = ComparisonSummary.Of(withoutThem);

        Assert.Null(summary.Reference);
        Assert.Null(summary.Baseline);
        Assert.Null(summary.Tuners[0].ReferenceTest);
        Assert.Null(summary.Tuners[0].WinRateVsBaseline);
        Assert.Equal(1, summary.Tuners[0].MeanRank);
    }
}
