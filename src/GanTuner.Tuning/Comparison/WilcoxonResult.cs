namespace GanTuner.Tuning.Comparison;

/// <summary>A paired Wilcoxon signed-rank test of x against y (differences x − y).</summary>
/// <param name="Pairs">Pairs given.</param>
/// <param name="NonZero">Pairs with a nonzero difference: the test's n (equal pairs are dropped, Wilcoxon's method).</param>
/// <param name="RankSumPositive">W+: the sum of the ranks of |x − y| where x &gt; y.</param>
/// <param name="RankSumNegative">W−: the sum of the ranks where x &lt; y. For a minimised objective a small W−
/// beside a large W+ means x is worse; the smaller of the two is the classical statistic.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">How the p-value was computed.</param>
public sealed record WilcoxonResult(int Pairs, int NonZero, double RankSumPositive, double RankSumNegative, double PValue, WilcoxonMethod Method)
{
    /// <summary>min(W+, W−), the statistic scipy.stats.wilcoxon reports for a two-sided test.</summary>
    public double Statistic => Math.Min(RankSumPositive, RankSumNegative);
}
