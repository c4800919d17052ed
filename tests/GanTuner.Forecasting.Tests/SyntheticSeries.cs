using GanTuner.Data;

namespace GanTuner.Forecasting.Tests;

/// <summary>Small deterministic price series for fast trials.</summary>
internal static class SyntheticSeries
{
    /// <summary>A noisy upward wave: learnable, positive, and never constant.</summary>
    /// <summary>The wave with a high, a low and a volume on every day, for models with inputs beyond the close.</summary>
    public static PriceSeries WaveBars(int days = 260)
    {
        var wave = Wave(days);
        var c = wave.Close;
        return new PriceSeries("synthetic wave bars", wave.Dates, c,
            high: [.. c.Select((v, t) => v * (1.01 + (0.005 * Math.Sin(t * 0.7))))],
            low: [.. c.Select((v, t) => v * (0.99 - (0.004 * Math.Cos(t * 0.3))))],
            volume: [.. c.Select((_, t) => 1e6 + (2e5 * Math.Sin(t * 0.2)))]);
    }

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

    /// <summary>A price that is 100 plus a stationary AR(2) (x_t = 0.6 x_{t−1} − 0.3 x_{t−2} + ε, ε ~ N(0, 1)): persistence can be beaten.</summary>
    public static PriceSeries Ar2(int days = 600, int seed = 1) => Make("synthetic AR(2)", days, seed, (x, t, e) =>
        (0.6 * x[t - 1]) - (0.3 * x[t - 2]) + e, level: 100);

    /// <summary>Trend plus a 12-step season plus noise: persistence is far from the best forecast.</summary>
    public static PriceSeries SeasonalTrend(int days = 600, int seed = 2) => Make("synthetic seasonal trend", days, seed, (_, t, e) =>
        (0.05 * t) + (8 * Math.Sin(2 * Math.PI * t / 12.0)) + (0.5 * e), level: 100);

    /// <summary>A geometric random walk: nothing beats persistence.</summary>
    public static PriceSeries RandomWalk(int days = 600, int seed = 3)
    {
        var random = new Random(seed);
        var close = new double[days];
        close[0] = 100;
        for (var t = 1; t < days; t++)
        {
            close[t] = close[t - 1] * Math.Exp(0.01 * Gaussian(random));
        }

        return new PriceSeries("synthetic random walk", Dates(days), close);
    }

    private static PriceSeries Make(string name, int days, int seed, Func<double[], int, double, double> step, double level)
    {
        var random = new Random(seed);
        var x = new double[days];
        for (var t = 2; t < days; t++)
        {
            x[t] = step(x, t, Gaussian(random));
        }

        return new PriceSeries(name, Dates(days), [.. x.Select(v => level + v)]);
    }

    private static DateOnly[] Dates(int days) => [.. Enumerable.Range(0, days).Select(i => new DateOnly(2020, 1, 1).AddDays(i))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
