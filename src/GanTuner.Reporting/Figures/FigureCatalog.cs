using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Figures;

/// <summary>The report's figures in page order, and rendering them all from one model.</summary>
public static class FigureCatalog
{
    private static readonly IFigure[] All =
    [
        new HistoricalCloseFigure(),
        new NormalisedCloseFigure(),
        new SplitFigure(),
        new ObjectiveFigure(),
        new SmoothedObjectiveFigure(),
        new IterationMetricFigure(
            new(6, "rmse", "Test RMSE per iteration",
                "Root mean squared error of each trial's model on the test period (scaled units). It follows the MSE; " +
                "spikes are configurations that failed to learn.", FigureSection.Errors),
            MetricKeys.TestRmse, "RMSE (scaled)"),
        new IterationMetricFigure(
            new(7, "mae", "Test MAE per iteration",
                "Mean absolute error of each trial's model on the test period (scaled units): less swayed by a few " +
                "large errors than the RMSE.", FigureSection.Errors),
            MetricKeys.TestMae, "MAE (scaled)"),
        new IterationMetricFigure(
            new(8, "r2", "Test R² per iteration",
                "Coefficient of determination on the test period: 1 is a perfect fit, 0 is no better than the test " +
                "mean, below 0 is worse. Values under −1 are drawn at −1 as red triangles so the rest stay readable.",
                FigureSection.Errors),
            MetricKeys.TestR2, "R²", floor: -1),
        new IterationMetricFigure(
            new(9, "cpu", "CPU use per iteration",
                "The process's CPU use during each trial, in percent of all the machine's cores (100 % = every core " +
                "busy); the dashed line is the mean over trials.", FigureSection.Resources),
            MetricKeys.CpuPercent, "CPU (%)", showMean: true, color: Palette.Ink),
        new IterationMetricFigure(
            new(10, "memory", "Peak memory per iteration",
                "The process's peak working set during each trial, in MB; the dashed line is the mean over trials.",
                FigureSection.Resources),
            MetricKeys.PeakMemoryMb, "Peak memory (MB)", showMean: true, color: Palette.Ink),
        new CumulativeTimeFigure(),
        new ForecastFigure(),
        new ResidualFigure(),
        new ParameterTraceFigure(),
        new ParameterScatterFigure(),
        new ComparisonFigure(),
    ];

    public static IReadOnlyList<FigureInfo> Figures { get; } = [.. All.Select(f => f.Info)];

    /// <summary>The figures the model cannot supply, with the reason, without drawing anything.</summary>
    public static IReadOnlyList<RenderedFigure> Omissions(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. All.Select(f => (f.Info, Reason: f.Unavailable(model))).Where(f => f.Reason is not null).Select(f => new RenderedFigure(f.Info, null, f.Reason))];
    }

    /// <summary>Every figure, drawn or, when the model lacks its inputs, omitted with the reason.</summary>
    public static IReadOnlyList<RenderedFigure> RenderAll(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. All.Select(f => f.Unavailable(model) is { } reason ? new RenderedFigure(f.Info, null, reason) : new RenderedFigure(f.Info, f.Render(model), null))];
    }
}
