using GanTuner.Tuning.Comparison;

namespace GanTuner.Reporting.Comparison;

/// <summary>A tuner's best-so-far quartiles over seeds after each number of evaluations, finite points only
/// (a seed that has completed no trial yet is +∞ there, and a quartile touching it cannot be drawn).</summary>
internal sealed record BandedQuartiles(double[] Evaluations, double[] Lower, double[] Median, double[] Upper)
{
    public static BandedQuartiles Of(TunerSummary tuner, int budget)
    {
        var points = Enumerable.Range(1, budget)
            .Select(n => (N: (double)n, Q: QuantileSummary.Of(tuner.Curves.Select(c => c.After(n)))))
            .Where(p => double.IsFinite(p.Q.LowerQuartile) && double.IsFinite(p.Q.Median) && double.IsFinite(p.Q.UpperQuartile))
            .ToList();
        return new BandedQuartiles(
            [.. points.Select(p => p.N)],
            [.. points.Select(p => p.Q.LowerQuartile)],
            [.. points.Select(p => p.Q.Median)],
            [.. points.Select(p => p.Q.UpperQuartile)]);
    }
}
