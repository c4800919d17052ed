using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 16 (<c>--compare</c>): the best-so-far curves of several studies on one chart, to compare
/// tuners on the same data and protocol by how fast they find good configurations.</summary>
internal sealed class ComparisonFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        16, "comparison", "Best so far: study comparison",
        "The best objective found after each trial, for this study and the studies named with --compare. " +
        "Lower and further left is better: a tuner whose curve drops early finds good configurations in fewer " +
        "(expensive) trials.", FigureSection.Comparison);

    public string? Unavailable(ReportModel model) =>
        model.Comparison.Count == 0 ? "no other study was named with --compare" : null;

    public byte[] Render(ReportModel model)
    {
        var curves = new List<ComparisonCurve>
        {
            new(model.Study.Name, model.Study.Tuner, [.. model.Iterations.Select(r => r.Value)]),
        };
        curves.AddRange(model.Comparison);
        var bests = curves.Select(c => Model.Objective.BestSoFar(c.Values)).ToList();
        var all = bests.SelectMany(b => b).OfType<double>().ToList();
        var scale = ScaledValues.Auto(all);
        var plot = FigureStyle.NewPlot(Info.Title, "Iteration", scale.Label("best " + model.Study.Objective));
        FigureStyle.IterationAxis(plot);
        for (var c = 0; c < curves.Count; c++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < bests[c].Length; i++)
            {
                if (bests[c][i] is { } v)
                {
                    xs.Add(i + 1);
                    ys.Add(scale.Map(v));
                }
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), Palette.Series[c % Palette.Series.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = c == 0 ? 3 : 2;
            line.MarkerSize = 0;
            line.LegendText = $"{curves[c].Study} ({curves[c].Tuner})";
        }

        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }
}
