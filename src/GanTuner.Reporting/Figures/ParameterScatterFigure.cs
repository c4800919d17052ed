using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 15: each hyperparameter against the objective, one small scatter each: where a
/// hyperparameter matters, the good trials crowd one side of its panel.</summary>
internal sealed class ParameterScatterFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        15, "hyperparameters-vs-objective", "Hyperparameters against the objective",
        "Each completed trial as a point: its value of one hyperparameter (x) and its objective (y). The diamond " +
        "is the best trial. A panel where low objectives gather at one end shows a hyperparameter that matters; " +
        "a flat cloud, one that did not in this study.",
        FigureSection.Hyperparameters);

    public string? Unavailable(ReportModel model) =>
        model.Parameters.Count == 0 ? "the study has no hyperparameters"
        : !IterationSeries.Any(model.Iterations, r => r.Value) ? "no trial of the study completed"
        : null;

    public byte[] Render(ReportModel model)
    {
        var completed = model.Iterations.Where(r => r.Value is { } v && double.IsFinite(v)).ToList();
        var objective = ScaledValues.Auto(completed.Select(r => r.Value!.Value).ToList());
        var best = model.Best;
        var panels = new List<Plot>();
        foreach (var parameter in model.Parameters)
        {
            var rows = completed.Where(r => ParameterTraceFigure.Value(r, parameter.Name) is not null).ToList();
            var raw = rows.Select(r => ParameterTraceFigure.Value(r, parameter.Name)!.Value).ToList();
            var x = ScaledValues.Of(raw, parameter.LogScale && raw.All(v => v > 0));
            var ys = rows.Select(r => objective.Map(r.Value!.Value)).ToArray();
            var plot = FigureStyle.NewPlot(parameter.Name, x.Label(parameter.Name), objective.Label(model.Study.Objective), small: true);
            var points = plot.Add.ScatterPoints(x.Plotted, ys, Palette.Blue.WithAlpha(0.7));
            points.MarkerSize = 7;
            if (best is not null && ParameterTraceFigure.Value(best, parameter.Name) is { } b)
            {
                IterationSeries.MarkBest(plot, x.Map(b), objective.Map(best.Value!.Value), "");
            }

            if (x.IsLog)
            {
                LogAxis.Apply(plot.Axes.Bottom);
            }
            else if (parameter.Choices is { } choices)
            {
                ChoiceAxis.Apply(plot.Axes.Bottom, choices);
            }

            if (objective.IsLog)
            {
                LogAxis.Apply(plot.Axes.Left);
            }

            panels.Add(plot);
        }

        return FigureStyle.ToPng(panels, ParameterTraceFigure.Columns(panels.Count));
    }
}
