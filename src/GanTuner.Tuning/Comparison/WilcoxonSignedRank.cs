using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace GanTuner.Tuning.Comparison;

/// <summary>The paired Wilcoxon signed-rank test, two-sided, as scipy.stats.wilcoxon defines it with
/// zero_method="wilcox" (pairs with equal values are dropped) and tied |differences| given their mean rank.</summary>
/// <remarks>
/// Up to <see cref="ExactLimit"/> nonzero differences the p-value is exact: the null distribution of W+ is
/// enumerated over all 2^n sign assignments of the observed ranks (mid-ranks included, so ties are handled
/// exactly, by counting on doubled ranks, which are integers). Above it the normal approximation is used with
/// the tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and a continuity correction of 0.5.
/// </remarks>
public static class WilcoxonSignedRank
{
    /// <summary>The largest n for which the exact distribution is used (scipy's threshold as well).</summary>
    public const int ExactLimit = 50;

    /// <summary>Tests whether x − y is symmetric about zero, with the method chosen by n.</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y) => Test(x, y, null);

    /// <summary>Tests whether x − y is symmetric about zero.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample, paired with <paramref name="x"/> by index.</param>
    /// <param name="method">Forces a method; null chooses exact up to <see cref="ExactLimit"/> nonzero differences.</param>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y, WilcoxonMethod? method)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("The samples must be paired: they have different lengths.", nameof(y));
        }

        var differences = x.Zip(y, Difference).Where(d => d != 0).ToArray();
        if (differences.Any(double.IsNaN))
        {
            throw new ArgumentException("A value is NaN.", nameof(x));
        }

        var n = differences.Length;
        var ranks = differences.Select(Math.Abs).Ranks(RankDefinition.Average);
        var positive = Enumerable.Range(0, n).Where(i => differences[i] > 0).Sum(i => ranks[i]);
        var negative = (n * (n + 1) / 2.0) - positive;
        var chosen = method ?? (n <= ExactLimit ? WilcoxonMethod.Exact : WilcoxonMethod.Normal);
        var p = n == 0 ? 1.0 : chosen == WilcoxonMethod.Exact ? ExactP(ranks, positive) : NormalP(ranks, positive);
        return new WilcoxonResult(x.Count, n, positive, negative, p, chosen);
    }

    // Equal values (two +∞ included: two runs that both found nothing) are a zero difference, not NaN.
    private static double Difference(double a, double b) => a == b ? 0 : a - b;

    /// <summary>2 · min(P(W+ ≤ w), P(W+ ≥ w)) under the permutation distribution of the given ranks.</summary>
    private static double ExactP(double[] ranks, double positive)
    {
        // Mid-ranks are multiples of ½, so doubled ranks are integers and W+ can be counted exactly.
        var doubled = ranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        var total = doubled.Sum();
        var probability = new double[total + 1];
        probability[0] = 1;
        var reach = 0;
        foreach (var r in doubled)
        {
            // Each rank joins W+ with probability ½: new[s] = ½ (old[s] + old[s − r]), updated from the top down.
            reach += r;
            for (var s = reach; s >= 0; s--)
            {
                probability[s] = 0.5 * (probability[s] + (s >= r ? probability[s - r] : 0));
            }
        }

        var observed = (int)Math.Round(2 * positive);
        var lower = probability.Take(observed + 1).Sum();
        var upper = probability.Skip(observed).Sum();
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }

    private static double NormalP(double[] ranks, double positive)
    {
        var n = (double)ranks.Length;
        var mean = n * (n + 1) / 4;
        var ties = ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var sd = Math.Sqrt((n * (n + 1) * ((2 * n) + 1) / 24) - (ties / 48));
        var z = Math.Max(0, Math.Abs(positive - mean) - 0.5) / sd;
        return Math.Min(1, SpecialFunctions.Erfc(z / Math.Sqrt(2)));
    }
}
