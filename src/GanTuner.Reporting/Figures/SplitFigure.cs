using System.Globalization;
using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Figure 3 (paper fig. 3): which dates trained, validated and tested the models.</summary>
internal sealed class SplitFigure : IFigure
{
    public FigureInfo Info { get; } = new(
        3, "split", "Train, validation and test split",
        "The chronological split: each part of the series in its colour. The tuner only ever sees " +
        "scores from the parts before the test period, unless the protocol says otherwise.", FigureSection.Data);

    public string? Unavailable(ReportModel model) =>
        model.Prices is null ? PriceNotes.Missing
        : model.Prices.Segments.Count == 0
            ? "the split is not chronological (windows were shuffled before splitting), so no date range belongs to one part"
        : null;

    public byte[] Render(ReportModel model)
    {
        var prices = model.Prices!;
        var plot = FigureStyle.NewPlot(Info.Title, "Date", prices.Column);
        FigureStyle.DateAxis(plot, prices.Dates);
        var xs = prices.Dates.Select(FigureStyle.ToX).ToArray();
        var ys = prices.Closes.ToArray();
        foreach (var segment in prices.Segments)
        {
            // Each part starts on the previous part's last day so the line has no gap at the boundary.
            var start = Math.Max(0, segment.Start - 1);
            var line = plot.Add.SignalXY(xs[start..segment.End], ys[start..segment.End], Palette.ForSegment(segment.Name));
            line.LineWidth = 1.4f;
            var first = prices.Dates[segment.Start].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = prices.Dates[segment.End - 1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{segment.Name}: {first} to {last} ({segment.Count:N0} days)");
            if (segment.Start > 0)
            {
                plot.Add.VerticalLine(xs[segment.Start], 1, Palette.Grey, LinePattern.Dotted);
            }
        }

        FigureStyle.LegendBelow(plot);
        return FigureStyle.ToPng(plot);
    }
}
