using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 12 (paper fig. 15): the best model's one-step forecasts on the test period, with the naive
/// forecast (tomorrow = today) drawn for contrast: a model that does not beat it has learnt nothing useful.</summary>
internal sealed class ForecastFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        12, "actual-vs-predicted", "Actual vs predicted close on the test period",
        "The best configuration's one-day-ahead forecasts (blue) against the actual close (dark), in price " +
        "units. The grey line is the naive forecast, yesterday's close: at daily resolution it hugs the actual " +
        "series, which is why Theil's U2 (model RMSE / naive RMSE) in the table above matters.",
        FigureSection.Forecast);

    public string? Unavailable(ReportModel model) =>
        model.Forecast is null ? "no saved model or stored predictions for the best trial" : null;

    public byte[] Render(ReportModel model)
    {
        var forecast = model.Forecast!;
        var plot = FigureStyle.NewPlot(Info.Title, "Date", model.Prices?.Column ?? "Close");
        FigureStyle.DateAxis(plot, forecast.Dates);
        var xs = forecast.Dates.Select(FigureStyle.ToX).ToArray();
        Add(plot, xs, forecast.Naive, Palette.Grey, "naive (yesterday's close)", 1f, LinePattern.Dashed);
        Add(plot, xs, forecast.Actual, Palette.Ink, "actual", 1.4f, LinePattern.Solid);
        Add(plot, xs, forecast.Predicted, Palette.Blue, "predicted (best model)", 1.6f, LinePattern.Solid);
        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }

    private static void Add(Plot plot, double[] xs, IReadOnlyList<double> ys, Color color, string legend, float width, LinePattern pattern)
    {
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = legend;
    }
}
