using GanTuner.Dashboard.Analysis;

namespace GanTuner.Dashboard.Tests;

public sealed class AnalysisTests
{
    [Fact]
    public void PED_ANOVA_finds_a_difference_only_where_the_top_trials_gather()
    {
        var all = Enumerable.Range(0, 200).Select(i => (i + 0.5) / 200).ToArray();
        var gathered = all.Where(u => u < 0.2).Take(20).ToArray();
        var spread = all.Where((_, i) => i % 10 == 0).ToArray();

        var strong = PedAnova.ContinuousDivergence(gathered, all);
        var weak = PedAnova.ContinuousDivergence(spread, all);

        Assert.True(strong > 10 * weak, $"gathered {strong}, spread {weak}");
        Assert.True(PedAnova.DiscreteDivergence([0.1, 0.1, 0.2], [0.1, 0.6, 0.2, 0.9, 0.7, 0.3], 2) > PedAnova.DiscreteDivergence([0.1, 0.6, 0.9], [0.1, 0.6, 0.2, 0.9, 0.7, 0.3], 2));
    }

    [Fact]
    public void Best_and_stride_keeps_the_best_items_in_order_within_the_limit()
    {
        var items = Enumerable.Range(0, 1000).Select(i => (Number: i, Score: (i * 7919 % 1000) / 1000.0)).ToArray();

        var kept = Downsample.BestAndStride(items, 100, 10, x => x.Score);

        Assert.InRange(kept.Count, 90, 100);
        Assert.Equal(kept.OrderBy(x => x.Number), kept);
        Assert.All(items.OrderBy(x => x.Score).Take(10), best => Assert.Contains(best, kept));
    }

    [Fact]
    public void Min_max_buckets_keep_each_buckets_extremes()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => ((double)i, i == 5_000 ? 100.0 : i == 7_000 ? -100.0 : Math.Sin(i))).ToArray();

        var kept = Downsample.MinMaxBuckets(points, 50);

        Assert.InRange(kept.Count, 50, 100);
        Assert.Contains((5_000.0, 100.0), kept);
        Assert.Contains((7_000.0, -100.0), kept);
    }
}
