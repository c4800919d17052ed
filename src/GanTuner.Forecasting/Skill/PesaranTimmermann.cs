using MathNet.Numerics.Distributions;

namespace GanTuner.Forecasting.Skill;

/// <summary>
/// Pesaran and Timmermann's (1992) test of directional accuracy: is the share of correctly called directions
/// higher than two independent calls with the same marginal frequencies would get?
/// </summary>
public static class PesaranTimmermann
{
    /// <summary>Compares the sign of each predicted change with the sign of the actual change (a change of 0 counts as "not up").</summary>
    public static DirectionalAccuracy Test(ReadOnlySpan<double> predictedChange, ReadOnlySpan<double> actualChange)
    {
        if (predictedChange.Length != actualChange.Length || predictedChange.IsEmpty)
        {
            throw new ArgumentException("Predicted and actual changes must be non-empty and of equal length.", nameof(predictedChange));
        }

        var n = (double)actualChange.Length;
        double hits = 0, upActual = 0, upPredicted = 0;
        for (var t = 0; t < actualChange.Length; t++)
        {
            var x = predictedChange[t] > 0;
            var y = actualChange[t] > 0;
            hits += x == y ? 1 : 0;
            upActual += y ? 1 : 0;
            upPredicted += x ? 1 : 0;
        }

        var p = hits / n;
        var py = upActual / n;
        var px = upPredicted / n;
        var expected = (py * px) + ((1 - py) * (1 - px));
        var varianceP = expected * (1 - expected) / n;
        var varianceExpected = ((((2 * py) - 1) * ((2 * py) - 1) * px * (1 - px)) / n)
            + ((((2 * px) - 1) * ((2 * px) - 1) * py * (1 - py)) / n)
            + (4 * py * px * (1 - py) * (1 - px) / (n * n));
        var denominator = varianceP - varianceExpected;
        var statistic = denominator > 0 ? (p - expected) / Math.Sqrt(denominator) : double.NaN;
        var pValue = double.IsNaN(statistic) ? double.NaN : 1 - Normal.CDF(0, 1, statistic);
        return new DirectionalAccuracy(p, statistic, pValue, actualChange.Length);
    }
}
