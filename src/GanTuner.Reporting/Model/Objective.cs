namespace GanTuner.Reporting.Model;

/// <summary>Running summaries of an objective sequence, shared by the figures and the comparison chart.</summary>
public static class Objective
{
    /// <summary>The lowest value so far at each position (every objective is minimised); failed trials (null,
    /// NaN) leave it unchanged.</summary>
    public static double?[] BestSoFar(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double?[values.Count];
        double? best = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && double.IsFinite(v) && (best is null || v < best))
            {
                best = v;
            }

            result[i] = best;
        }

        return result;
    }

    /// <summary>A trailing moving average over the last <paramref name="window"/> finite values (fewer at the
    /// start); null where no finite value has been seen yet.</summary>
    public static double?[] MovingAverage(IReadOnlyList<double?> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            double sum = 0;
            var n = 0;
            for (var j = Math.Max(0, i - window + 1); j <= i; j++)
            {
                if (values[j] is { } v && double.IsFinite(v))
                {
                    sum += v;
                    n++;
                }
            }

            result[i] = n == 0 ? null : sum / n;
        }

        return result;
    }
}
