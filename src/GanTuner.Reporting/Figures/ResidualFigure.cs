using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;
using MathNet.Numerics.Statistics;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 13 (paper fig. 16): the distribution of the best model's test errors, as a density
/// histogram with a Gaussian kernel density estimate and the zero-error line.</summary>
internal sealed class ResidualFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        13, "residuals", "Residual distribution on the test period",
        "Actual minus predicted close (price units) of the best model: a density histogram, a Gaussian kernel " +
        "density estimate (red, Silverman's bandwidth) and the zero-error line (dashed blue). When a few extreme errors " +
        "would squeeze the rest into a sliver, the axis shows the central 99 % and the note counts the others. Mass to the right " +
        "of zero means the model under-forecasts, as in a rising market a lagging forecaster does.",
        FigureSection.Forecast);

    public string? Unavailable(ReportModel model) =>
        model.Forecast is null ? "no saved model or stored predictions for the best trial"
        : model.Forecast.Actual.Count < 2 ? "fewer than two test forecasts"
        : null;

    public byte[] Render(ReportModel model)
    {
        var residuals = model.Forecast!.Residuals();
        var plot = FigureStyle.NewPlot(Info.Title, "Residual (actual − predicted)", "Density");
        var (lower, upper) = Range(residuals);
        var shown = residuals.Where(r => r >= lower && r <= upper).ToArray();

        // Freedman–Diaconis bins (robust to the long tails of price errors), clamped to a readable count.
        var iqr = shown.InterquartileRange();
        var binCount = iqr > 0
            ? Math.Clamp((int)Math.Ceiling((upper - lower) / (2 * iqr * Math.Pow(shown.Length, -1.0 / 3))), 8, 80)
            : 8;
        var width = (upper - lower) / binCount;
        var counts = new int[binCount];
        foreach (var r in shown)
        {
            counts[Math.Min(binCount - 1, (int)((r - lower) / width))]++;
        }

        // Densities over all residuals, so the histogram and the curve integrate to the same total.
        var bars = counts.Select((c, i) => new Bar
        {
            Position = lower + (i + 0.5) * width,
            Value = c / (residuals.Length * width),
            Size = width,
            FillColor = Palette.Blue.WithAlpha(0.45),
            LineColor = Colors.White,
            LineWidth = 0.5f,
        }).ToArray();
        var histogram = plot.Add.Bars(bars);
        histogram.LegendText = "residuals (density histogram)";

        var bandwidth = SilvermanBandwidth(residuals, upper - lower);
        var xs = Enumerable.Range(0, 241).Select(i => lower + i * (upper - lower) / 240).ToArray();
        var density = xs.Select(x => KernelDensity.EstimateGaussian(x, bandwidth, residuals)).ToArray();
        var kde = plot.Add.ScatterLine(xs, density, Palette.Red);
        kde.LineWidth = 2.5f;
        kde.LegendText = "kernel density";

        var zero = plot.Add.VerticalLine(0, 2, Palette.Blue, LinePattern.Dashed);
        zero.LegendText = "zero error";

        var stats = new DescriptiveStatistics(residuals);
        var outside = residuals.Length - shown.Length;
        FigureStyle.Note(
            plot,
            $"n = {stats.Count}   mean = {NumberFormat.Value(stats.Mean)}   sd = {NumberFormat.Value(stats.StandardDeviation)}   " +
            $"skewness = {NumberFormat.Value(stats.Skewness)}" + (outside > 0 ? $"   ({outside} beyond the axis)" : ""),
            Alignment.UpperLeft);
        plot.Axes.SetLimitsX(lower, upper);
        plot.Axes.Margins(bottom: 0);
        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }

    /// <summary>The x range: every residual, unless a few extreme ones would squeeze the bulk into a sliver;
    /// then the 0.5–99.5 % quantiles (the note says how many fall outside).</summary>
    private static (double Lower, double Upper) Range(double[] residuals)
    {
        var (min, max) = (residuals.Min(), residuals.Max());
        var (low, high) = (residuals.Quantile(0.005), residuals.Quantile(0.995));
        var (lower, upper) = max - min > 3 * (high - low) && high > low ? (low, high) : (min, max);
        if (upper - lower < 1e-12)
        {
            (lower, upper) = (lower - 0.5, upper + 0.5);
        }

        // Keep zero in view: the zero-error line is the reference the reader compares against.
        return (Math.Min(lower, 0), Math.Max(upper, 0));
    }

    /// <summary>Silverman's rule of thumb, 0.9·min(sd, IQR/1.34)·n^(−1/5); a fraction of the range when the
    /// errors are all equal, so the curve still has a width.</summary>
    private static double SilvermanBandwidth(double[] values, double range)
    {
        var sd = values.StandardDeviation();
        var iqr = values.InterquartileRange() / 1.34;
        var spread = iqr > 0 ? Math.Min(sd, iqr) : sd;
        var h = 0.9 * spread * Math.Pow(values.Length, -0.2);
        return h > 0 && double.IsFinite(h) ? h : Math.Max(range, 1) / 20;
    }
}
