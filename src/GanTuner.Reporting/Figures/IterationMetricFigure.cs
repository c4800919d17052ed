using System.Globalization;
using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>One recorded metric per trial (figures 6–10: RMSE, MAE, R², CPU, memory; paper figs. 9–13).</summary>
/// <param name="info">Number, title and caption.</param>
/// <param name="key">The metric's key in the trial's metrics.</param>
/// <param name="yLabel">The y axis label, with its unit.</param>
/// <param name="showMean">Draw the mean over trials as a dashed line and start the axis at zero (resource
/// figures, where a cropped axis would make a 5 % wobble look like a doubling).</param>
/// <param name="floor">Values below it are drawn on it as triangles: one R² of −300 would squash the rest.</param>
/// <param name="color">The series colour.</param>
internal sealed class IterationMetricFigure(
    FigureInfo info, string key, string yLabel, bool showMean = false, double? floor = null, Color? color = null) : IFigure
{
    public FigureInfo Info { get; } = info;

    public string? Unavailable(ReportModel model) =>
        IterationSeries.Any(model.Iterations, r => r.Metric(key)) ? null : $"no trial recorded the metric {key}";

    public byte[] Render(ReportModel model)
    {
        var (xs, ys) = IterationSeries.Points(model.Iterations, r => r.Metric(key));
        var scale = Scale(ys);
        var plot = FigureStyle.NewPlot(Info.Title, "Iteration", scale.Label(yLabel));
        FigureStyle.IterationAxis(plot);
        var lineColor = color ?? Palette.Blue;
        var shown = floor is { } f ? ys.Select(y => Math.Max(y, f)).ToArray() : scale.Plotted;
        IterationSeries.Line(plot, xs, shown, lineColor, key);

        if (floor is { } limit)
        {
            var clipped = xs.Where((_, i) => ys[i] < limit).ToArray();
            if (clipped.Length > 0)
            {
                var markers = plot.Add.Markers(clipped, clipped.Select(_ => limit).ToArray(), MarkerShape.FilledTriangleDown, 11, Palette.Red);
                markers.LegendText = string.Create(CultureInfo.InvariantCulture, $"below {limit} (drawn at {limit})");
            }
        }

        if (showMean)
        {
            plot.Axes.SetLimitsY(0, Math.Max(ys.Max() * 1.1, 1));
            var mean = ys.Average();
            var line = plot.Add.HorizontalLine(scale.Map(mean), 1.5f, Palette.Grey, LinePattern.Dashed);
            line.LegendText = "mean " + NumberFormat.Value(mean);
        }

        var best = model.Best;
        if (best?.Metric(key) is { } bestValue)
        {
            IterationSeries.MarkBest(plot, best.Number, floor is { } lo ? Math.Max(bestValue, lo) : scale.Map(bestValue), $"best trial ({best.Number})");
        }

        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }

    /// <summary>The y scale: logarithmic when the values span decades, except where the axis must be linear —
    /// a floored axis (the floor is a linear value) and a resource axis that starts at zero, which a log axis
    /// cannot show (a trial that fails at once uses ~1 % CPU against ~190 % for one that trains).</summary>
    internal ScaledValues Scale(IReadOnlyCollection<double> values) =>
        ScaledValues.Of(values, log: floor is null && !showMean && LogAxis.Suits(values));
}
