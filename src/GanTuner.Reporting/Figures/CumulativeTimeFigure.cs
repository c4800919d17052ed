using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 11 (paper fig. 14): the time the search has cost after each trial.</summary>
internal sealed class CumulativeTimeFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        11, "cumulative-time", "Cumulative time per iteration",
        "The wall-clock time the study had spent after each trial (line), over each trial's own duration " +
        "(bars). A steep step is an expensive configuration: long sequences, many layers, small batches.",
        FigureSection.Resources);

    public string? Unavailable(ReportModel model) =>
        IterationSeries.Any(model.Iterations, Seconds) ? null : "no trial recorded its duration";

    public byte[] Render(ReportModel model)
    {
        var (xs, seconds) = IterationSeries.Points(model.Iterations, Seconds);
        var cumulative = new double[seconds.Length];
        double total = 0;
        for (var i = 0; i < seconds.Length; i++)
        {
            total += seconds[i];
            cumulative[i] = total;
        }

        var plot = FigureStyle.NewPlot(Info.Title, "Iteration", "Seconds");
        FigureStyle.IterationAxis(plot);
        var bars = plot.Add.Bars(xs, seconds);
        bars.Color = Palette.Blue.WithAlpha(0.35);
        foreach (var bar in bars.Bars)
        {
            bar.Size = 0.7;
            bar.LineWidth = 0;
        }

        bars.LegendText = "trial duration";
        IterationSeries.Line(plot, xs, cumulative, Palette.Ink, "cumulative (total " + NumberFormat.Value(total) + " s)");
        plot.Axes.Margins(bottom: 0);
        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }

    private static double? Seconds(IterationRow row) => row.Seconds ?? row.Metric(MetricKeys.TrainSeconds);
}
