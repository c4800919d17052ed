using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Html;

/// <summary>The best trial's metrics read out of its metrics dictionary, with RMSE derived from MSE when only
/// the latter was recorded (it is exact), and Theil's U2 = model RMSE / naive RMSE on the test period.</summary>
internal sealed class BestMetrics(IterationRow best)
{
    public static readonly (string Label, string Metric)[] Rows =
    [
        ("MSE", MetricKeys.Mse), ("RMSE", MetricKeys.Rmse), ("MAE", MetricKeys.Mae), ("R²", MetricKeys.R2),
    ];

    public static readonly (string Header, string Split, bool Price, bool Naive)[] Columns =
    [
        ("Validation, scaled", MetricKeys.ValidationPrefix, false, false),
        ("Validation, price", MetricKeys.ValidationPrefix, true, false),
        ("Test, scaled", MetricKeys.TestPrefix, false, false),
        ("Test, price", MetricKeys.TestPrefix, true, false),
        ("Naive test, scaled", MetricKeys.TestPrefix, false, true),
        ("Naive test, price", MetricKeys.TestPrefix, true, true),
        ("AR(p) test, price", MetricKeys.TestPrefix + "_ar", true, false),
    ];

    public double? Get(string split, string metric, bool price, bool naive)
    {
        if (best.Metric(MetricKeys.Key(split, metric, price, naive)) is { } value)
        {
            return value;
        }

        return metric == MetricKeys.Rmse && best.Metric(MetricKeys.Key(split, MetricKeys.Mse, price, naive)) is { } mse && mse >= 0
            ? Math.Sqrt(mse)
            : null;
    }

    /// <summary>The Diebold–Mariano p of the model against the naive forecast on the test period; NaN when the
    /// trial recorded none (<c>ForecastVerdict</c> then lets the ratio decide).</summary>
    public double TestNaiveDmP() => best.Metric(MetricKeys.TestDmNaiveP) ?? double.NaN;

    /// <summary>Theil's U2 on the test period: recorded by the trial, or computed from the price RMSEs (the
    /// trial's definition; under the level target the scaled ones give the same ratio).</summary>
    public double? TestU2()
    {
        if (best.Metric(MetricKeys.TestU2) is { } u2)
        {
            return u2;
        }

        foreach (var price in new[] { true, false })
        {
            var model = Get(MetricKeys.TestPrefix, MetricKeys.Rmse, price, false);
            var naive = Get(MetricKeys.TestPrefix, MetricKeys.Rmse, price, true);
            if (model is { } m && naive is { } n && n > 0)
            {
                return m / n;
            }
        }

        return null;
    }
}
