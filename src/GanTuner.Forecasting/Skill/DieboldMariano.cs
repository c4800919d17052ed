using MathNet.Numerics.Distributions;

namespace GanTuner.Forecasting.Skill;

/// <summary>
/// The Diebold–Mariano test (1995) with the small-sample correction of Harvey, Leybourne and Newbold (1997),
/// as R's <c>forecast::dm.test</c> computes it: loss |e|^power, long-run variance from the autocovariances of
/// the loss differential up to lag h − 1 (divided by n; horizon 1 again when that estimate is not positive), statistic scaled by
/// √((n + 1 − 2h + h(h − 1)/n) / n), and p-values from Student's t with n − 1 degrees of freedom.
/// </summary>
public static class DieboldMariano
{
    /// <summary>Tests whether forecasts with errors <paramref name="errors1"/> and <paramref name="errors2"/> are equally accurate (two-sided).</summary>
    public static DieboldMarianoResult Test(ReadOnlySpan<double> errors1, ReadOnlySpan<double> errors2, int horizon = 1, double power = 2)
    {
        if (errors1.Length != errors2.Length || errors1.Length < 2)
        {
            throw new ArgumentException("Diebold–Mariano needs two error series of equal length, at least 2.", nameof(errors1));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var n = errors1.Length;
        var d = new double[n];
        var mean = 0.0;
        for (var t = 0; t < n; t++)
        {
            d[t] = Math.Pow(Math.Abs(errors1[t]), power) - Math.Pow(Math.Abs(errors2[t]), power);
            mean += d[t];
        }

        mean /= n;
        var variance = Autocovariance(d, mean, 0);
        for (var k = 1; k < horizon && k < n; k++)
        {
            variance += 2 * Autocovariance(d, mean, k);
        }

        variance /= n;
        if (!(variance > 0) && horizon > 1)
        {
            // As dm.test does: a negative long-run variance estimate falls back on horizon 1.
            return Test(errors1, errors2, 1, power);
        }

        var correction = Math.Sqrt((n + 1 - (2.0 * horizon) + (horizon * (horizon - 1.0) / n)) / n);
        double statistic;
        if (variance > 0)
        {
            statistic = mean / Math.Sqrt(variance) * correction;
        }
        else
        {
            // Identical losses everywhere: no evidence either way. A constant non-zero difference is certain.
            statistic = mean == 0 ? 0 : Math.CopySign(double.PositiveInfinity, mean);
        }

        var p = double.IsInfinity(statistic) ? 0 : 2 * StudentT.CDF(0, 1, n - 1, -Math.Abs(statistic));
        return new DieboldMarianoResult(statistic, p, mean, n);
    }

    // R's acf(type = "covariance"): sums over the overlap, divided by n.
    private static double Autocovariance(double[] d, double mean, int lag)
    {
        var sum = 0.0;
        for (var t = lag; t < d.Length; t++)
        {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }

        return sum / d.Length;
    }
}
