using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 2 (paper fig. 2): the series on the min-max scale the model saw.</summary>
internal sealed class NormalisedCloseFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        2, "normalised-close", "Normalised close",
        "The series after min-max scaling: under the level target, the scale every scaled MSE in this report is " +
        "measured on (under the log-return target the model sees scaled log returns instead, as the title says). " +
        "The dashed lines mark 0 and 1; when the scaler was fitted on the training part only, " +
        "later prices may leave that band.", FigureSection.Data);

    public string? Unavailable(ReportModel model) =>
        model.Prices is null ? PriceNotes.Missing
        : model.Prices.Scaler is null ? "the study did not record how its scaler was fitted"
        : null;

    public byte[] Render(ReportModel model)
    {
        var prices = model.Prices!;
        var scaler = prices.Scaler!;
        var plot = FigureStyle.NewPlot(
            $"{Info.Title} (scaler fitted on {scaler.FittedOn})", "Date", prices.Column + " (min-max scaled)");
        FigureStyle.DateAxis(plot, prices.Dates);
        var line = plot.Add.SignalXY(
            prices.Dates.Select(FigureStyle.ToX).ToArray(), prices.Closes.Select(scaler.Scale).ToArray(), Palette.Blue);
        line.LineWidth = 1.2f;
        plot.Add.HorizontalLine(0, 1, Palette.Grey, ScottPlot.LinePattern.Dashed);
        plot.Add.HorizontalLine(1, 1, Palette.Grey, ScottPlot.LinePattern.Dashed);
        return FigureStyle.ToPng(plot);
    }
}
