using System.Globalization;

namespace GanTuner.Data.Protocols;

/// <summary>The raw values of the extra inputs (every feature but the close), one array per feature over every
/// row. Row t's value uses rows t and t − 1 only, so a window of rows before its target sees nothing later.</summary>
public static class FeatureColumns
{
    /// <exception cref="PriceDataException">The data lack a column a feature needs, or have a gap in it.</exception>
    public static double[][] Compute(PriceSeries series, PriceColumn column, InputFeatures features)
    {
        ArgumentNullException.ThrowIfNull(series);
        var close = series.Prices(column);
        return [.. features.Each().Where(f => f != InputFeatures.Close).Select(f => f switch
        {
            InputFeatures.Return => Returns(close),
            InputFeatures.Range => Ranges(series, close),
            InputFeatures.Volume => Volumes(series),
            _ => throw new ArgumentOutOfRangeException(nameof(features), f, null),
        })];
    }

    private static double[] Returns(double[] close)
    {
        var returns = new double[close.Length];
        for (var t = 1; t < close.Length; t++)
        {
            returns[t] = Math.Log(close[t] / close[t - 1]);
        }

        return returns;
    }

    private static double[] Ranges(PriceSeries series, double[] close)
    {
        if (series.High is not { } high || series.Low is not { } low)
        {
            throw new PriceDataException($"{series.Source}: has no high and low columns, which --features range needs");
        }

        var ranges = new double[close.Length];
        for (var t = 0; t < close.Length; t++)
        {
            ranges[t] = (high[t] - low[t]) / close[t];
            if (!double.IsFinite(ranges[t]) || ranges[t] < 0)
            {
                throw new PriceDataException($"{series.Source}: high and low on row {Row(t)} give no usable range for --features range");
            }
        }

        return ranges;
    }

    private static double[] Volumes(PriceSeries series)
    {
        if (series.Volume is not { } volume)
        {
            throw new PriceDataException($"{series.Source}: has no volume column, which --features volume needs");
        }

        var logs = new double[volume.Length];
        for (var t = 0; t < volume.Length; t++)
        {
            if (!double.IsFinite(volume[t]) || volume[t] < 0)
            {
                throw new PriceDataException($"{series.Source}: volume on row {Row(t)} is missing or negative, which --features volume cannot use");
            }

            logs[t] = Math.Log(1 + volume[t]);
        }

        return logs;
    }

    private static string Row(int t) => (t + 1).ToString(CultureInfo.InvariantCulture);
}
