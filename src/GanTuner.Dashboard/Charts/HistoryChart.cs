using System.Globalization;
using GanTuner.Dashboard.Analysis;
using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Charts;

/// <summary>Each complete trial's value and the best so far, with the GAN's injection rounds shaded as the
/// report shades them. Above 1,600 trials the dots are thinned to each x bucket's lowest and highest value
/// (the best-so-far line is exact: it changes only at its steps).</summary>
internal static class HistoryChart
{
    public const int Buckets = 800;

    public static string Render(StudySnapshot snapshot, bool log)
    {
        var svg = new Svg(900, 340, "Optimisation history: value of each trial and best so far");
        var (left, top, right, bottom) = PlotArea.Margins(svg);
        var complete = snapshot.Complete;
        if (complete.Count == 0)
        {
            return Empty(svg, "No complete trial yet.");
        }

        var maxNumber = Math.Max(1, snapshot.Trials.Count - 1);
        var x = AxisScale.Fixed(-0.5, maxNumber + 0.5, left, right);
        var y = AxisScale.Over(complete.Select(t => t.Value!.Value), bottom, top, log);
        var plot = new PlotArea(svg, left, top, right, bottom, x, y);
        foreach (var (first, last) in snapshot.Injections)
        {
            svg.Rect(x.Map(first - 0.5), top, x.Map(last + 0.5) - x.Map(first - 0.5), bottom - top, Palette.Injection, 0.18,
                first == last ? $"GAN injection: trial {first}" : $"GAN injection: trials {first}–{last}");
        }

        plot.DrawAxes("trial", "value");
        var points = Downsample.MinMaxBuckets([.. complete.Select(t => ((double)t.Number, t.Value!.Value))], Buckets);
        foreach (var (number, value) in points)
        {
            svg.Circle(x.Map(number), y.Map(value), points.Count > 2000 ? 1.6 : 2.6, Palette.Value, 0.65,
                string.Create(CultureInfo.InvariantCulture, $"trial {number}: {value:G6}"));
        }

        svg.Polyline(Steps(snapshot.BestSoFar(), maxNumber).Select(p => (x.Map(p.Number), y.Map(p.Best))), Palette.Best, 2);
        var legend = new List<(string, string)> { (Palette.Value, "value"), (Palette.Best, "best so far") };
        if (snapshot.Injections.Count > 0)
        {
            legend.Add((Palette.Injection, "GAN injection"));
        }

        plot.Legend([.. legend]);
        if (points.Count < complete.Count)
        {
            svg.Text(left + 4, top - 11, $"{points.Count:N0} of {complete.Count:N0} points shown (lowest and highest per bucket)", fill: Palette.Muted);
        }

        return svg.ToString();
    }

    /// <summary>A step line: only the trials that improved the best, then flat to the last trial.</summary>
    internal static List<(double Number, double Best)> Steps(IReadOnlyList<(int Number, double Best)> curve, double end)
    {
        var steps = new List<(double, double)>();
        for (var i = 0; i < curve.Count; i++)
        {
            if (i > 0 && curve[i].Best == curve[i - 1].Best)
            {
                continue;
            }

            if (steps.Count > 0)
            {
                steps.Add((curve[i].Number, steps[^1].Item2));
            }

            steps.Add((curve[i].Number, curve[i].Best));
        }

        if (steps.Count > 0)
        {
            steps.Add((end, steps[^1].Item2));
        }

        return steps;
    }

    public static string Empty(Svg svg, string message)
    {
        svg.Text(svg.Width / 2, svg.Height / 2, message, "middle", Palette.Muted);
        return svg.ToString();
    }
}
