using System.Globalization;
using GanTuner.Dashboard.Analysis;
using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Charts;

/// <summary>One vertical axis per hyperparameter (in its search-space coordinate, so log ranges are drawn on
/// their log scale) and one for the value; one line per complete trial, coloured from dark (best) to light.
/// At most 400 lines: the 100 best and an even stride over the rest.</summary>
internal static class ParallelCoordinatesChart
{
    public const int MaxLines = 400;

    public static string Render(StudySnapshot snapshot, bool log)
    {
        var names = snapshot.ParameterNames;
        var svg = new Svg(900, 360, "Parallel coordinates of the hyperparameters and the value");
        var trials = snapshot.Complete.Where(t => t.Point.Count == names.Count).ToArray();
        if (trials.Length == 0 || names.Count == 0)
        {
            return HistoryChart.Empty(svg, "No complete trial yet.");
        }

        const double top = 40, bottom = 320, left = 60, right = 840;
        var axes = names.Count + 1;
        double AxisX(int i) => left + ((right - left) * i / (axes - 1));
        var value = AxisScale.Over(trials.Select(t => t.Value!.Value), bottom, top, log);
        var ranks = trials.Select(t => t.Value!.Value).Order().ToArray();
        var shown = Downsample.BestAndStride(trials, MaxLines, 100, t => t.Value!.Value);
        // Worst first, so the best lines are drawn on top.
        foreach (var trial in shown.OrderByDescending(t => t.Value!.Value))
        {
            var rank = (double)Array.BinarySearch(ranks, trial.Value!.Value) / Math.Max(1, ranks.Length - 1);
            var points = names.Select((_, d) => (AxisX(d), bottom + ((top - bottom) * trial.Point[d])))
                .Append((AxisX(names.Count), value.Map(trial.Value!.Value)));
            svg.Polyline(points, Palette.Ramp(Math.Clamp(rank, 0, 1)), 1.2, 0.55,
                string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}: {trial.Value:G6}"));
        }

        for (var d = 0; d < names.Count; d++)
        {
            var x = AxisX(d);
            svg.Line(x, top, x, bottom, Palette.Axis, 1.5);
            svg.Text(x, top - 18, names[d], "middle", bold: true);
            svg.Text(x + 4, top - 4, End(snapshot, d, 1), "start", Palette.Muted);
            svg.Text(x + 4, bottom + 14, End(snapshot, d, 0), "start", Palette.Muted);
        }

        var vx = AxisX(names.Count);
        svg.Line(vx, top, vx, bottom, Palette.Axis, 1.5).Text(vx, top - 18, "value" + (value.Log ? " (log)" : ""), "middle", bold: true);
        foreach (var tick in value.Ticks(5))
        {
            svg.Text(vx + 6, value.Map(tick) + 4, AxisScale.Label(tick));
        }

        if (shown.Count < trials.Length)
        {
            svg.Text(left, bottom + 34, $"{shown.Count:N0} of {trials.Length:N0} trials drawn: the 100 best and an even spread of the rest", fill: Palette.Muted);
        }

        return svg.ToString();
    }

    /// <summary>The value at one end of a parameter's axis (its coordinate 0 or 1), or the coordinate without a space.</summary>
    internal static string End(StudySnapshot snapshot, int dimension, double u) =>
        snapshot.Space is { } space && space.Parameters[dimension].Decode(u) is var value
            ? value.Kind == Tuning.ParameterValueKind.Text ? value.AsText() : AxisScale.Label(value.AsDouble())
            : AxisScale.Label(u);
}
