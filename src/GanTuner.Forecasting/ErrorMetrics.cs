namespace GanTuner.Forecasting;

/// <summary>Point-forecast errors over one split, in one unit (scaled or price).</summary>
/// <param name="Mse">Mean squared error.</param>
/// <param name="Rmse">Root of <paramref name="Mse"/>.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Mape">Mean absolute percentage error (%), over the windows whose actual value is not zero
/// (a min-max scaled series is exactly 0 at its minimum).</param>
/// <param name="R2">Coefficient of determination, 1 − SSE/SST.</param>
public sealed record ErrorMetrics(double Mse, double Rmse, double Mae, double Mape, double R2)
{
    /// <summary>The mean of each error over <paramref name="metrics"/>, with the RMSE the root of the mean MSE.</summary>
    public static ErrorMetrics Mean(IEnumerable<ErrorMetrics> metrics)
    {
        var all = metrics?.ToArray() ?? throw new ArgumentNullException(nameof(metrics));
        var mse = all.Average(m => m.Mse);
        return new ErrorMetrics(mse, Math.Sqrt(mse), all.Average(m => m.Mae), all.Average(m => m.Mape), all.Average(m => m.R2));
    }

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    public static ErrorMetrics Compute(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length || predicted.IsEmpty)
        {
            throw new ArgumentException("Predictions and actual values must be non-empty and of equal length.", nameof(predicted));
        }

        var n = actual.Length;
        var mean = 0.0;
        foreach (var a in actual)
        {
            mean += a;
        }

        mean /= n;
        double sse = 0, sae = 0, sst = 0, sape = 0;
        var apeCount = 0;
        for (var i = 0; i < n; i++)
        {
            var e = predicted[i] - actual[i];
            sse += e * e;
            sae += Math.Abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
            if (actual[i] != 0)
            {
                sape += Math.Abs(e / actual[i]);
                apeCount++;
            }
        }

        var mse = sse / n;
        return new ErrorMetrics(
            mse,
            Math.Sqrt(mse),
            sae / n,
            apeCount == 0 ? double.NaN : 100.0 * sape / apeCount,
            sst == 0 ? double.NaN : 1.0 - (sse / sst));
    }
}
