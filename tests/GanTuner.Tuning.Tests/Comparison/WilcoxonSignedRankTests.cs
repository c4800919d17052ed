using GanTuner.Tuning.Comparison;

namespace GanTuner.Tuning.Tests.Comparison;

/// <summary>
/// Reference values. Darwin's maize data (Fisher, The Design of Experiments, 1935; the example of
/// scipy.stats.wilcoxon's documentation): d = cross- minus self-fertilised heights, n = 15, no ties; scipy gives
/// statistic 24 and exact p = 0.041259765625, and with method="approx" (no continuity correction) p = 0.04088813291185591.
/// Wikipedia's "Wilcoxon signed-rank test" example (x2 − x1, ten pairs, one zero, one tie of |d| = 5): W+ = 27, W− = 18.
/// The values with ties and the continuity-corrected ones were computed with an independent Python (stdlib)
/// script: brute-force enumeration of the 2^n sign assignments of the mid-ranks, and math.erfc for the normal tail.
/// </summary>
public sealed class WilcoxonSignedRankTests
{
    private static readonly double[] Darwin = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
    private static readonly double[] WikipediaX2 = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
    private static readonly double[] WikipediaX1 = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];

    private static double[] Zeros(int n) => new double[n];

    [Fact]
    public void Darwins_data_gives_scipys_exact_statistic_and_p_value()
    {
        var result = WilcoxonSignedRank.Test(Darwin, Zeros(Darwin.Length));

        Assert.Equal(WilcoxonMethod.Exact, result.Method);
        Assert.Equal(15, result.NonZero);
        Assert.Equal(96, result.RankSumPositive);
        Assert.Equal(24, result.RankSumNegative);
        Assert.Equal(24, result.Statistic);
        Assert.Equal(0.041259765625, result.PValue, 12);
    }

    [Fact]
    public void Normal_approximation_of_darwins_data_applies_the_continuity_correction()
    {
        var result = WilcoxonSignedRank.Test(Darwin, Zeros(Darwin.Length), WilcoxonMethod.Normal);

        // scipy without the correction: 0.04088813291185591; with it, |W+ − 60| shrinks by ½ and p grows.
        Assert.Equal(0.043772323763041195, result.PValue, 12);
        Assert.True(result.PValue > 0.04088813291185591);
    }

    [Fact]
    public void A_zero_difference_is_dropped_and_tied_differences_share_their_mean_rank()
    {
        var result = WilcoxonSignedRank.Test(WikipediaX2, WikipediaX1);

        Assert.Equal((10, 9), (result.Pairs, result.NonZero));
        Assert.Equal(27, result.RankSumPositive);
        Assert.Equal(18, result.RankSumNegative);
        Assert.Equal(WilcoxonMethod.Exact, result.Method);
        Assert.Equal(0.6328125, result.PValue, 12);
    }

    [Fact]
    public void Normal_approximation_corrects_the_variance_for_ties()
    {
        var result = WilcoxonSignedRank.Test(WikipediaX2, WikipediaX1, WilcoxonMethod.Normal);

        Assert.Equal(0.6352893188352069, result.PValue, 12);
    }

    [Fact]
    public void Exact_p_equals_a_brute_force_enumeration_of_every_sign_assignment()
    {
        var random = new Random(7);
        for (var sample = 0; sample < 40; sample++)
        {
            var n = random.Next(1, 11);
            // Small integers make ties and zeros common.
            double[] x = [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(-4, 5))];
            var result = WilcoxonSignedRank.Test(x, Zeros(n));

            Assert.Equal(BruteForceP(x), result.PValue, 12);
        }
    }

    [Fact]
    public void Swapping_the_samples_swaps_the_rank_sums_and_keeps_the_p_value()
    {
        double[] x = [0.3, 0.1, 0.5, 0.2, 0.9, 0.4];
        double[] y = [0.2, 0.3, 0.1, 0.25, 0.1, 0.35];

        var forward = WilcoxonSignedRank.Test(x, y);
        var backward = WilcoxonSignedRank.Test(y, x);

        Assert.Equal(forward.RankSumPositive, backward.RankSumNegative);
        Assert.Equal(forward.PValue, backward.PValue, 14);
    }

    [Fact]
    public void Identical_samples_have_no_evidence_of_a_difference()
    {
        double[] x = [1, 2, double.PositiveInfinity];

        var result = WilcoxonSignedRank.Test(x, x);

        Assert.Equal(0, result.NonZero);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Five_consistent_seeds_reach_the_smallest_attainable_p_of_one_sixteenth()
    {
        var result = WilcoxonSignedRank.Test([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);

        Assert.Equal(0, result.RankSumPositive);
        Assert.Equal(2.0 / 32, result.PValue, 14);
    }

    [Fact]
    public void Above_fifty_nonzero_pairs_the_normal_approximation_is_used()
    {
        double[] x = [.. Enumerable.Range(1, 51).Select(i => i % 3 == 0 ? -i : (double)i)];

        var large = WilcoxonSignedRank.Test(x, Zeros(51));
        var exact = WilcoxonSignedRank.Test(x, Zeros(51), WilcoxonMethod.Exact);

        Assert.Equal(WilcoxonMethod.Normal, large.Method);
        Assert.InRange(Math.Abs(exact.PValue - large.PValue), 0, 0.01);
    }

    [Fact]
    public void Unpaired_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1, 2], [1]));
    }

    private static double BruteForceP(double[] d)
    {
        var nonzero = d.Where(v => v != 0).ToArray();
        var absolute = nonzero.Select(Math.Abs).ToArray();
        // Mid-ranks by counting: rank = (number below) + (number equal + 1) / 2.
        var ranks = absolute.Select(a => absolute.Count(b => b < a) + ((absolute.Count(b => b == a) + 1) / 2.0)).ToArray();
        var observed = Enumerable.Range(0, nonzero.Length).Where(i => nonzero[i] > 0).Sum(i => ranks[i]);
        var assignments = 1 << nonzero.Length;
        int lower = 0, upper = 0;
        for (var mask = 0; mask < assignments; mask++)
        {
            var w = Enumerable.Range(0, nonzero.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => ranks[i]);
            lower += w <= observed + 1e-9 ? 1 : 0;
            upper += w >= observed - 1e-9 ? 1 : 0;
        }

        return Math.Min(1, 2.0 * Math.Min(lower, upper) / assignments);
    }
}
