using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 4 (paper figs. 6 and 8): the objective of every trial and the best found so far.</summary>
internal sealed class ObjectiveFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        4, "objective", "Objective per iteration",
        "The objective of each trial in the order the tuner proposed them; the orange step line is the best " +
        "value found so far and the diamond the best trial. Shaded trials were proposed while the GAN's " +
        "random injection was active. Failed trials have no point.", FigureSection.Search);

    public string? Unavailable(ReportModel model) =>
        IterationSeries.Any(model.Iterations, r => r.Value) ? null : "no trial of the study completed";

    public byte[] Render(ReportModel model)
    {
        var (xs, ys) = IterationSeries.Points(model.Iterations, r => r.Value);
        var scale = ScaledValues.Auto(ys);
        var plot = FigureStyle.NewPlot(Info.Title, "Iteration", scale.Label(model.Study.Objective));
        FigureStyle.IterationAxis(plot);
        IterationSeries.ShadeInjection(plot, model.Iterations);
        IterationSeries.Line(plot, xs, scale.Plotted, Palette.Blue, model.Study.Objective);

        var bestSoFar = IterationSeries.Points(model.Iterations, model.BestSoFar());
        var step = IterationSeries.Line(plot, bestSoFar.X, bestSoFar.Y.Select(scale.Map).ToArray(), Palette.Orange, "best so far", markers: false);
        step.ConnectStyle = ConnectStyle.StepHorizontal;
        step.LineWidth = 2.5f;

        var best = model.Best!;
        IterationSeries.MarkBest(plot, best.Number, scale.Map(best.Value!.Value), $"best: trial {best.Number}");
        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }
}
