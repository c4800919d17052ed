using System.Globalization;
using GanTuner.Dashboard.Analysis;
using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Charts;

/// <summary>One small scatter per hyperparameter: its value (search-space coordinate, labelled in its own
/// units) against the trial's value. At most 1,000 dots per panel: the 100 best and an even stride.</summary>
internal static class SliceChart
{
    public const int MaxPoints = 1000;
    private const int Columns = 3;
    private const double PanelWidth = 300, PanelHeight = 210;

    public static string Render(StudySnapshot snapshot, bool log)
    {
        var names = snapshot.ParameterNames;
        var rows = Math.Max(1, (names.Count + Columns - 1) / Columns);
        var svg = new Svg(PanelWidth * Columns, PanelHeight * rows, "Slice plots: each hyperparameter against the value");
        var trials = snapshot.Complete.Where(t => t.Point.Count == names.Count).ToArray();
        if (trials.Length == 0 || names.Count == 0)
        {
            return HistoryChart.Empty(svg, "No complete trial yet.");
        }

        var shown = Downsample.BestAndStride(trials, MaxPoints, 100, t => t.Value!.Value);
        var values = trials.Select(t => t.Value!.Value).ToArray();
        for (var d = 0; d < names.Count; d++)
        {
            var ox = (d % Columns) * PanelWidth;
            var oy = (d / Columns) * PanelHeight;
            double left = ox + 52, right = ox + PanelWidth - 10, top = oy + 22, bottom = oy + PanelHeight - 34;
            var x = AxisScale.Fixed(0, 1, left, right);
            var y = AxisScale.Over(values, bottom, top, log);
            svg.Text((left + right) / 2, oy + 14, names[d], "middle", bold: true);
            foreach (var tick in y.Ticks(4))
            {
                svg.Line(left, y.Map(tick), right, y.Map(tick), Palette.Grid).Text(left - 4, y.Map(tick) + 4, AxisScale.Label(tick), "end");
            }

            svg.Line(left, bottom, right, bottom, Palette.Axis);
            foreach (var (u, anchor) in Ticks(snapshot, d))
            {
                svg.Text(x.Map(u), bottom + 14, ParallelCoordinatesChart.End(snapshot, d, u), anchor, Palette.Muted);
            }

            foreach (var trial in shown)
            {
                svg.Circle(x.Map(trial.Point[d]), y.Map(trial.Value!.Value), 2.2, Palette.Value, 0.5,
                    string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}: {names[d]} = {trial.Parameters.GetValueOrDefault(names[d])}, value {trial.Value:G6}"));
            }
        }

        return svg.ToString();
    }

    /// <summary>Where to label a parameter's axis: each value's cell centre when it has few values, else both ends and the middle.</summary>
    private static IEnumerable<(double U, string Anchor)> Ticks(StudySnapshot snapshot, int dimension) =>
        snapshot.Space?.Parameters[dimension].Cardinality is int k and <= 6
            ? Enumerable.Range(0, k).Select(j => ((j + 0.5) / k, "middle"))
            : [(0.0, "start"), (0.5, "middle"), (1.0, "end")];
}
