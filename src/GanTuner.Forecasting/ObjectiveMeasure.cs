using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting;

/// <summary>
/// The number a study minimises for a trial, which early stopping and the pruner also compare epoch by epoch:
/// Theil's U2 on prices (the model's price RMSE over the persistence forecast's, on the same windows) under
/// window scaling, and the MSE in scaled units under global scaling (the paper's objective).
/// </summary>
/// <remarks>
/// <para>Why not the scaled MSE under window scaling: each window is divided by its own RMS change, so the unit
/// of a scaled error depends on the window's length. On the embedded S&amp;P 500 the persistence forecast's
/// scaled validation MSE is 0.557 with one-day windows and 1.047 with 60-day windows, while its price MSE is the
/// same for both. A tuner minimising it learned to choose the shortest windows, not better models. U2 scores
/// every configuration on the same prices against the same forecast: 1 is tomorrow = today, below 1 beats it.</para>
/// <para>Under global scaling one scaler serves every configuration, so the scaled MSE is the price MSE (level
/// target) divided by one constant: it ranks configurations as prices do, and it is what the paper minimised.</para>
/// </remarks>
/// <param name="Split">The split scored: validation, or test under the paper protocols.</param>
/// <param name="OnPrices">True for U2 on prices, false for the MSE in scaled units.</param>
public sealed record ObjectiveMeasure(SplitKind Split, bool OnPrices)
{
    /// <summary>The measure of a dataset built with <paramref name="scaling"/> whose objective split is <paramref name="split"/>.</summary>
    public static ObjectiveMeasure For(Scaling scaling, SplitKind split) => new(split, scaling == Scaling.Window);

    /// <summary>The measure of <paramref name="data"/>.</summary>
    public static ObjectiveMeasure For(ForecastDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return For(data.Spec.Scaling, data.ObjectiveSplit);
    }

    /// <summary>The metric key it is stored and shown under: <c>val_u2</c>, <c>val_mse</c>, <c>test_u2</c> or <c>test_mse</c>.</summary>
    public string Name => (Split == SplitKind.Test ? "test" : "val") + (OnPrices ? "_u2" : "_mse");

    /// <summary>What it is, for a column header: U2 or MSE.</summary>
    public string Quantity => OnPrices ? "U2" : "MSE";

    /// <summary>Its value for a scored split.</summary>
    public double Of(SplitEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return OnPrices ? evaluation.U2 : evaluation.Scaled.Mse;
    }

    /// <summary>Its value for raw model outputs on <paramref name="split"/> of <paramref name="data"/>, as training
    /// sees them at the end of an epoch (no baselines fitted, nothing allocated).</summary>
    public double Of(ForecastDataset data, WindowSplit split, ReadOnlySpan<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        double model = 0, naive = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            if (OnPrices)
            {
                var e = data.ToPrice(split, i, predicted[i]) - split.ActualClose[i];
                var n = split.PreviousClose[i] - split.ActualClose[i];
                model += e * e;
                naive += n * n;
            }
            else
            {
                var e = (double)predicted[i] - split.Targets[i];
                model += e * e;
            }
        }

        return OnPrices ? Math.Sqrt(model / naive) : model / predicted.Length;
    }
}
