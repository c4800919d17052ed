using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Charts;

/// <summary>Several studies' best-so-far curves on one chart, against the trial number.</summary>
internal static class CompareChart
{
    public static string Render(IReadOnlyList<StudySnapshot> studies, bool log)
    {
        var svg = new Svg(900, 380, "Best value so far of several studies");
        var (left, top, right, bottom) = PlotArea.Margins(svg);
        top += 14 * ((studies.Count + 3) / 4);
        var curves = studies.Select(s => (s.Study.Name, Curve: s.BestSoFar(), End: Math.Max(1, s.Trials.Count - 1))).ToArray();
        if (curves.All(c => c.Curve.Count == 0))
        {
            return HistoryChart.Empty(svg, studies.Count == 0 ? "Choose studies to compare." : "No complete trial yet.");
        }

        var x = AxisScale.Fixed(-0.5, curves.Max(c => c.End) + 0.5, left, right);
        var y = AxisScale.Over(curves.SelectMany(c => c.Curve.Select(p => p.Best)), bottom, top, log);
        new PlotArea(svg, left, top, right, bottom, x, y).DrawAxes("trial", "best value so far");
        for (var i = 0; i < curves.Length; i++)
        {
            var colour = Palette.Series[i % Palette.Series.Length];
            var steps = HistoryChart.Steps(curves[i].Curve, curves[i].End);
            svg.Polyline(steps.Select(p => (x.Map(p.Number), y.Map(p.Best))), colour, 2, 1, curves[i].Name);
            var lx = left + ((i % 4) * 200);
            var ly = 12 + ((i / 4) * 14);
            svg.Rect(lx, ly, 10, 10, colour).Text(lx + 14, ly + 9, curves[i].Name);
        }

        return svg.ToString();
    }
}
