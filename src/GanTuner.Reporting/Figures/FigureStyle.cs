using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace GanTuner.Reporting.Figures;

/// <summary>The look shared by every figure: font, sizes, grid, and the PNG export.</summary>
internal static class FigureStyle
{
    /// <summary>Logical size of a single chart; the page shows it at this width.</summary>
    public const int Width = 1000;

    public const int Height = 440;

    /// <summary>Height of one row of small multiples (figures 14 and 15).</summary>
    public const int PanelHeight = 250;

    /// <summary>Pixels per logical pixel: laptop screens are often HiDPI, and a 1x chart looks blurred there.</summary>
    public const int Density = 2;

    // DejaVu Sans is what scripts/test.sh installs; elsewhere Skia's default sans-serif face stands in.
    private static readonly string FontName =
        SKFontManager.Default.MatchFamily("DejaVu Sans")?.FamilyName ?? Fonts.Default;

    public static Plot NewPlot(string title, string xLabel, string yLabel, bool small = false)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, small ? 14 : 18);
        plot.XLabel(xLabel, small ? 12 : 14);
        plot.YLabel(yLabel, small ? 12 : 14);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = small ? 11 : 12;
            axis.FrameLineStyle.Color = Colors.Black.WithAlpha(0.35);
        }

        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = small ? 11 : 12;
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.2);
        return plot;
    }

    /// <summary>The legend in a row under the chart, where it can never hide a data point.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowFillStyle.Color = Colors.Transparent;
    }

    /// <summary>Dates on the x axis as ISO dates, with the precision the span calls for.</summary>
    public static void DateAxis(Plot plot, IReadOnlyList<DateOnly> dates)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        var days = dates[^1].DayNumber - dates[0].DayNumber;
        var format = days > 6 * 365 ? "yyyy" : days > 180 ? "yyyy-MM" : "yyyy-MM-dd";
        axis.TickGenerator = new DateTimeAutomatic { LabelFormatter = d => d.ToString(format, CultureInfo.InvariantCulture) };
    }

    /// <summary>A quiet text box in a corner of the data area, for summary statistics.</summary>
    public static void Note(Plot plot, string text, Alignment corner)
    {
        var note = plot.Add.Annotation(text, corner);
        note.LabelFontName = FontName;
        note.LabelFontSize = 12;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelBorderColor = Colors.Black.WithAlpha(0.2);
        note.LabelShadowColor = Colors.Transparent;
        note.LabelFontColor = Palette.Ink;
    }

    /// <summary>Integer ticks on the x axis, for trial numbers.</summary>
    public static void IterationAxis(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
    }

    public static byte[] ToPng(Plot plot, int width = Width, int height = Height)
    {
        plot.ScaleFactor = Density;
        return plot.GetImageBytes(width * Density, height * Density, ImageFormat.Png);
    }

    /// <summary>Small multiples in a grid, one panel per plot, as one PNG. Each panel is drawn on its own
    /// surface and pasted in: ScottPlot clears the whole canvas it renders on, and its Multiplot mis-scales
    /// panels at a density above 1.</summary>
    public static byte[] ToPng(IReadOnlyList<Plot> panels, int columns)
    {
        var rows = (panels.Count + columns - 1) / columns;
        var cellWidth = Width / columns;
        using var surface = SKSurface.Create(new SKImageInfo(Width * Density, rows * PanelHeight * Density));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var cell = SKSurface.Create(new SKImageInfo(cellWidth * Density, PanelHeight * Density));
            cell.Canvas.Scale(Density);
            panels[i].Render(cell.Canvas, new PixelRect(0, cellWidth, PanelHeight, 0));
            using var snapshot = cell.Snapshot();
            surface.Canvas.DrawImage(snapshot, i % columns * cellWidth * Density, i / columns * PanelHeight * Density);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    public static double ToX(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}
