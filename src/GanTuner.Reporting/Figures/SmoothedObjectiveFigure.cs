using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 5 (paper fig. 7): the objective smoothed by a moving average, which shows the cycle the
/// paper describes: the search settles into a minimum, climbs out, and looks for another.</summary>
internal sealed class SmoothedObjectiveFigure : IFigure
{
    /// <summary>Trials per average: long enough to damp single outliers, short enough to keep a 20-trial cycle.</summary>
    public const int Window = 5;

    public FigureInfo Info { get; } = new(
        5, "objective-smoothed", "Smoothed objective",
        $"A trailing moving average of the objective over {Window} trials (blue) over the raw values (grey). On a log " +
        "axis the average is taken of the logarithms (a geometric mean), so one poor trial does not hide the good ones. " +
        "Dips and climbs of the average show the search settling into a region and leaving it again.",
        FigureSection.Search);

    public string? Unavailable(ReportModel model) =>
        IterationSeries.Any(model.Iterations, r => r.Value) ? null : "no trial of the study completed";

    public byte[] Render(ReportModel model)
    {
        var (xs, ys) = IterationSeries.Points(model.Iterations, r => r.Value);
        var scale = ScaledValues.Auto(ys);
        var plot = FigureStyle.NewPlot(
            $"{Info.Title} (moving average of {Window})", "Iteration", scale.Label(model.Study.Objective));
        FigureStyle.IterationAxis(plot);
        var raw = IterationSeries.Line(plot, xs, scale.Plotted, Palette.Grey.WithAlpha(0.6), model.Study.Objective);
        raw.LineWidth = 1;
        raw.MarkerSize = 4;

        // Averaging on the axis's own scale: arithmetic on a linear axis, geometric (mean of logs) on a log axis.
        var values = model.Iterations.Select(r => r.Value is { } v && double.IsFinite(v) ? scale.Map(v) : (double?)null).ToList();
        var smoothed = IterationSeries.Points(model.Iterations, Objective.MovingAverage(values, Window));
        var line = IterationSeries.Line(plot, smoothed.X, smoothed.Y, Palette.Blue, $"moving average ({Window})", markers: false);
        line.LineWidth = 2.5f;
        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }
}
