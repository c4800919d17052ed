using GanTuner.Data;

namespace GanTuner.Forecasting.Tests;

/// <summary>Small deterministic price series for fast trials.</summary>
internal static class SyntheticSeries
{
    /// <summary>A noisy upward wave: learnable, positive, and never constant.</summary>
    public static PriceSeries Wave(int days = 260)
    {
        var dates = new DateOnly[days];
        var close = new double[days];
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < days; i++)
        {
            dates[i] = start.AddDays(i);
            close[i] = 100 + (0.05 * i) + (10 * Math.Sin(i / 7.0)) + (0.5 * Math.Sin(i * 1.7));
        }

        return new PriceSeries("synthetic wave", dates, close);
    }
}
