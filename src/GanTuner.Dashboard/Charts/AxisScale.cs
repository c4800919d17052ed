using System.Globalization;

namespace GanTuner.Dashboard.Charts;

/// <summary>Maps data values to pixels along one axis, linearly or logarithmically, and picks round ticks.</summary>
internal sealed class AxisScale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _from;
    private readonly double _to;

    private AxisScale(double low, double high, double from, double to, bool log)
    {
        _low = low;
        _high = high;
        _from = from;
        _to = to;
        Log = log;
    }

    public bool Log { get; }

    /// <summary>A scale over <paramref name="values"/> (padded a little), log only when asked and every value is positive.</summary>
    public static AxisScale Over(IEnumerable<double> values, double from, double to, bool log, double pad = 0.04)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        var useLog = log && finite.Length > 0 && finite.All(v => v > 0);
        var data = useLog ? finite.Select(Math.Log10).ToArray() : finite;
        var low = data.Length == 0 ? 0 : data.Min();
        var high = data.Length == 0 ? 1 : data.Max();
        if (high - low < 1e-12)
        {
            var half = Math.Abs(low) > 1e-12 ? Math.Abs(low) * 0.1 : 0.5;
            low -= half;
            high += half;
        }

        var margin = (high - low) * pad;
        return new AxisScale(low - margin, high + margin, from, to, useLog);
    }

    /// <summary>A fixed linear scale from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static AxisScale Fixed(double low, double high, double from, double to) => new(low, high, from, to, log: false);

    public double Map(double value)
    {
        var v = Log ? Math.Log10(Math.Max(value, double.Epsilon)) : value;
        return _from + ((v - _low) / (_high - _low) * (_to - _from));
    }

    /// <summary>Round values inside the scale to label: 1-2-5 steps, or powers of ten (with 2 and 5 when few decades).</summary>
    public IReadOnlyList<double> Ticks(int wanted = 6)
    {
        if (!Log)
        {
            return LinearTicks(_low, _high, wanted);
        }

        var decades = _high - _low;
        var multipliers = decades < 2.5 ? new[] { 1.0, 2, 5 } : [1.0];
        var ticks = new List<double>();
        for (var e = (int)Math.Floor(_low); e <= (int)Math.Ceiling(_high); e++)
        {
            foreach (var m in multipliers)
            {
                var value = m * Math.Pow(10, e);
                var l = Math.Log10(value);
                if (l >= _low && l <= _high)
                {
                    ticks.Add(value);
                }
            }
        }

        return ticks.Count >= 2 ? ticks : [Math.Pow(10, _low), Math.Pow(10, _high)];
    }

    public static string Label(double value) =>
        value == 0 ? "0"
        : Math.Abs(value) is >= 1e5 or < 1e-3 ? value.ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    private static List<double> LinearTicks(double low, double high, int wanted)
    {
        var raw = (high - low) / Math.Max(1, wanted);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(low / step) * step; t <= high + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }
}
