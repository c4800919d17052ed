using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 14 (paper appendix C): each hyperparameter's value per trial, one small panel each, with
/// the trials proposed under the GAN's random injection shaded.</summary>
internal sealed class ParameterTraceFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        14, "hyperparameters-per-iteration", "Hyperparameters per iteration",
        "The value the tuner proposed for each hyperparameter at each trial. Shaded trials were proposed while " +
        "the GAN's random injection was active (the generator was steered towards random configurations); the " +
        "diamond marks the best trial. Log-scaled ranges are drawn on a log axis.",
        FigureSection.Hyperparameters);

    public string? Unavailable(ReportModel model) =>
        model.Parameters.Count == 0 ? "the study has no hyperparameters"
        : model.Iterations.Count == 0 ? "the study has no trials"
        : null;

    public byte[] Render(ReportModel model)
    {
        var best = model.Best;
        var panels = new List<Plot>();
        foreach (var parameter in model.Parameters)
        {
            var (xs, ys) = IterationSeries.Points(model.Iterations, r => Value(r, parameter.Name));
            var scale = ScaledValues.Of(ys, parameter.LogScale && ys.All(v => v > 0));
            var plot = FigureStyle.NewPlot(parameter.Name, "Iteration", scale.Label(parameter.Name), small: true);
            FigureStyle.IterationAxis(plot);
            IterationSeries.ShadeInjection(plot, model.Iterations, legend: false);
            var line = IterationSeries.Line(plot, xs, scale.Plotted, Palette.Blue, parameter.Name);
            line.LegendText = "";
            line.MarkerSize = 5;
            if (best is not null && Value(best, parameter.Name) is { } b)
            {
                IterationSeries.MarkBest(plot, best.Number, scale.Map(b), "");
            }

            if (scale.IsLog)
            {
                LogAxis.Apply(plot.Axes.Left);
            }
            else if (parameter.Choices is { } choices)
            {
                ChoiceAxis.Apply(plot.Axes.Left, choices);
            }

            panels.Add(plot);
        }

        return FigureStyle.ToPng(panels, Columns(panels.Count));
    }

    public static int Columns(int panels) => panels <= 4 ? 2 : 3;

    public static double? Value(IterationRow row, string name) =>
        row.Parameters.TryGetValue(name, out var v) && double.IsFinite(v) ? v : null;
}
