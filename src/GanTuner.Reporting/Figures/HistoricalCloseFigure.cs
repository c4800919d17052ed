using GanTuner.Reporting.Model;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 1 (paper fig. 1): the price series the study ran on.</summary>
internal sealed class HistoricalCloseFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        1, "historical-close", "Historical close",
        "The whole price series the study was run on, in price units.", FigureSection.Data);

    public string? Unavailable(ReportModel model) => model.Prices is null ? PriceNotes.Missing : null;

    public byte[] Render(ReportModel model)
    {
        var prices = model.Prices!;
        var plot = FigureStyle.NewPlot(Info.Title + " — " + prices.Source, "Date", prices.Column);
        FigureStyle.DateAxis(plot, prices.Dates);
        var line = plot.Add.SignalXY(prices.Dates.Select(FigureStyle.ToX).ToArray(), prices.Closes.ToArray(), Palette.Ink);
        line.LineWidth = 1.2f;
        return FigureStyle.ToPng(plot);
    }
}
