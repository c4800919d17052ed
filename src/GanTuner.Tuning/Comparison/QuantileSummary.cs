using MathNet.Numerics.Statistics;

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
        return new QuantileSummary(
            SortedArrayStatistics.QuantileCustom(data, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(data, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(data, 0.75, QuantileDefinition.R7));
    }
}
