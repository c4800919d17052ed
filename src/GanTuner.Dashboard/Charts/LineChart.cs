using GanTuner.Dashboard.Analysis;

namespace GanTuner.Dashboard.Charts;

/// <summary>A few named series against a shared x (an epoch, a day of the test period). Long series are
/// thinned to each bucket's lowest and highest point, so no spike disappears.</summary>
internal static class LineChart
{
    public const int Buckets = 700;

    public static string Render(
        string label, string xTitle, string yTitle, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series,
        bool log, Func<double, string>? xLabel = null)
    {
        var svg = new Svg(900, 320, label);
        var (left, top, right, bottom) = PlotArea.Margins(svg);
        var length = series.Count == 0 ? 0 : series.Max(s => s.Values.Count);
        if (length == 0)
        {
            return HistoryChart.Empty(svg, "Nothing recorded.");
        }

        var x = AxisScale.Fixed(-0.5, Math.Max(1, length - 1) + 0.5, left, right);
        var y = AxisScale.Over(series.SelectMany(s => s.Values), bottom, top, log);
        var plot = new PlotArea(svg, left, top, right, bottom, x, y).DrawAxes(xTitle, yTitle, xLabel);
        var legend = new List<(string, string)>();
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Palette.Series[i % Palette.Series.Length];
            var points = series[i].Values.Select((v, k) => ((double)k, v)).Where(p => double.IsFinite(p.v)).ToArray();
            var thinned = Downsample.MinMaxBuckets(points, Buckets);
            svg.Polyline(thinned.Select(p => (x.Map(p.X), y.Map(p.Y))), colour, 1.6, 0.9, series[i].Name);
            legend.Add((colour, series[i].Name));
        }

        plot.Legend([.. legend]);
        return svg.ToString();
    }
}
