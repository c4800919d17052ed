namespace GanTuner.Tuning.Comparison;

/// <summary>The lower quartile, median and upper quartile of a sample (linear interpolation, numpy's default).</summary>
public sealed record QuantileSummary(double LowerQuartile, double Median, double UpperQuartile)
{
    public static QuantileSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = values.ToArray();
        if (data.Length == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }

        Array.Sort(data);
        return new QuantileSummary(Quantile(data, 0.25), Quantile(data, 0.5), Quantile(data, 0.75));
    }

    // R7 by hand: interpolating between two equal infinite values must give that value, where the formula
    // a + (b - a) * h (as MathNet computes it) gives ∞ - ∞ = NaN; runs whose every trial failed score +∞.
    private static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var a = sorted[below];
        var b = sorted[Math.Min(below + 1, sorted.Length - 1)];
        var fraction = position - below;
        return a == b || fraction == 0 ? a : a + ((b - a) * fraction);
    }
}
