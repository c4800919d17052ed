using System.Globalization;
using GanTuner.Reporting.Figures;
using GanTuner.Tuning.Comparison;
using ScottPlot;
using Palette = GanTuner.Reporting.Figures.Palette;

namespace GanTuner.Reporting.Comparison;

/// <summary>The comparison's two figures, drawn in the report's style: best-so-far curves (median over seeds
/// with the interquartile range as a band) and box plots of the final best values with every seed as a dot.</summary>
internal static class ComparisonFigures
{
    public const string CurvesFile = "best-so-far.png";
    public const string BoxesFile = "final-best.png";

    public const string CurvesTitle = "Best so far: median over seeds, interquartile band";

    public static string CurvesCaption(ComparisonReportInput input) => string.Create(CultureInfo.InvariantCulture,
        $"The best {input.ValueName} found after each number of evaluations, for each tuner: the line is the median over the {input.Summary.Plan.Seeds} seeds, the shaded band the range from the lower to the upper quartile. Lower and further left is better: a tuner whose curve drops early finds good configurations in fewer (expensive) evaluations.");

    public static string BoxesTitle(ComparisonReportInput input) => string.Create(CultureInfo.InvariantCulture,
        $"Final best after {input.Summary.Plan.Budget} evaluations");

    public static string BoxesCaption(ComparisonReportInput input) =>
        $"Each dot is one seed's best {input.ValueName} at the end of its budget. The box spans the lower to the upper quartile with the median as a line; the whiskers reach the lowest and highest seed (no point is called an outlier).";

    public static byte[] Curves(ComparisonReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var summary = input.Summary;
        var bands = summary.Tuners.Select(t => BandedQuartiles.Of(t, summary.Plan.Budget)).ToList();
        var scale = ScaledValues.Auto([.. bands.SelectMany(b => b.Lower.Concat(b.Upper))]);
        var plot = FigureStyle.NewPlot(CurvesTitle, "Evaluations", scale.Label("best " + input.ValueName));
        FigureStyle.IterationAxis(plot);
        var drawable = Enumerable.Range(0, bands.Count).Where(t => bands[t].Evaluations.Length > 0).ToList();
        foreach (var t in drawable)
        {
            // Best-so-far values hold until the next evaluation: the band is drawn as steps, like the line.
            var (xs, lows, highs) = Steps(bands[t].Evaluations, [.. bands[t].Lower.Select(scale.Map)], [.. bands[t].Upper.Select(scale.Map)]);
            var fill = plot.Add.FillY(xs, lows, highs);
            fill.FillColor = Palette.Series[t % Palette.Series.Length].WithAlpha(0.12);
            fill.LineWidth = 0;
        }

        // The reference tuner is drawn last, so the ablations that often retrace its steps cannot hide it.
        foreach (var t in drawable.OrderBy(t => summary.Tuners[t].Tuner == summary.Reference))
        {
            var line = plot.Add.Scatter(bands[t].Evaluations, [.. bands[t].Median.Select(scale.Map)], Palette.Series[t % Palette.Series.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = summary.Tuners[t].Tuner == summary.Reference ? 3 : 2;
            line.MarkerSize = 0;
            line.LegendText = summary.Tuners[t].Tuner;
        }

        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }

    public static byte[] Boxes(ComparisonReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tuners = input.Summary.Tuners;
        var finals = tuners.Select(t => t.Finals.Where(double.IsFinite).ToList()).ToList();
        var scale = ScaledValues.Auto([.. finals.SelectMany(f => f)]);
        var plot = FigureStyle.NewPlot(BoxesTitle(input), "Tuner", scale.Label("final best " + input.ValueName));
        for (var t = 0; t < tuners.Count; t++)
        {
            if (finals[t].Count == 0)
            {
                continue;
            }

            var color = Palette.Series[t % Palette.Series.Length];
            var q = QuantileSummary.Of(finals[t]);
            // One box plot per tuner: a box plot's own colours override those of its boxes.
            var box = plot.Add.Boxes([new Box
            {
                Position = t,
                BoxMin = scale.Map(q.LowerQuartile),
                BoxMax = scale.Map(q.UpperQuartile),
                BoxMiddle = scale.Map(q.Median),
                WhiskerMin = scale.Map(finals[t].Min()),
                WhiskerMax = scale.Map(finals[t].Max()),
                Width = 0.5,
            }]);
            box.FillColor = color.WithAlpha(0.25);
            box.LineColor = color;
            box.LineWidth = 2;
            // Spread the dots a little across the box, the same way every time, so equal values stay visible.
            double[] xs = [.. finals[t].Select((_, i) => t + ((i % 5) - 2) * 0.06)];
            plot.Add.Markers(xs, [.. finals[t].Select(scale.Map)], MarkerShape.FilledCircle, 6, Palette.Ink.WithAlpha(0.75));
        }

        // Long names (the GAN's ablations) break at their last hyphen rather than collide with their neighbours.
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, tuners.Count).Select(i => (double)i)],
            [.. tuners.Select(t => t.Tuner.Length > 10 && t.Tuner.LastIndexOf('-') is var h and > 0 ? t.Tuner[..(h + 1)] + "\n" + t.Tuner[(h + 1)..] : t.Tuner)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, tuners.Count - 0.4);
        if (scale.IsLog)
        {
            LogAxis.Apply(plot.Axes.Left);
        }

        return FigureStyle.ToPng(plot);
    }

    private static (double[] Xs, double[] Lows, double[] Highs) Steps(double[] xs, double[] lows, double[] highs)
    {
        var x = new List<double>();
        var lo = new List<double>();
        var hi = new List<double>();
        for (var i = 0; i < xs.Length; i++)
        {
            var end = i + 1 < xs.Length ? xs[i + 1] : xs[i];
            x.Add(xs[i]);
            x.Add(end);
            lo.Add(lows[i]);
            lo.Add(lows[i]);
            hi.Add(highs[i]);
            hi.Add(highs[i]);
        }

        return ([.. x], [.. lo], [.. hi]);
    }
}
