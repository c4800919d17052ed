using GanTuner.Reporting.Model;
using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>Drawing helpers for charts whose x axis is the trial number.</summary>
internal static class IterationSeries
{
    /// <summary>The trials where <paramref name="select"/> has a finite value, as (trial number, value).</summary>
    public static (double[] X, double[] Y) Points(IReadOnlyList<IterationRow> rows, Func<IterationRow, double?> select)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var row in rows)
        {
            if (select(row) is { } y && double.IsFinite(y))
            {
                xs.Add(row.Number);
                ys.Add(y);
            }
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>Values aligned with <paramref name="rows"/> (one per trial), where finite, as (trial number, value).</summary>
    public static (double[] X, double[] Y) Points(IReadOnlyList<IterationRow> rows, IReadOnlyList<double?> values)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (values[i] is { } y && double.IsFinite(y))
            {
                xs.Add(rows[i].Number);
                ys.Add(y);
            }
        }

        return ([.. xs], [.. ys]);
    }

    public static bool Any(IReadOnlyList<IterationRow> rows, Func<IterationRow, double?> select) =>
        rows.Any(r => select(r) is { } v && double.IsFinite(v));

    /// <summary>Shades the trials proposed while the GAN's random injection was active, merging runs of
    /// consecutive trials into one band, with one legend entry.</summary>
    public static void ShadeInjection(Plot plot, IReadOnlyList<IterationRow> rows, bool legend = true)
    {
        var labelled = !legend;
        var i = 0;
        while (i < rows.Count)
        {
            if (!rows[i].Injection)
            {
                i++;
                continue;
            }

            var start = i;
            while (i + 1 < rows.Count && rows[i + 1].Injection && rows[i + 1].Number == rows[i].Number + 1)
            {
                i++;
            }

            var span = plot.Add.HorizontalSpan(rows[start].Number - 0.5, rows[i].Number + 0.5, Palette.Red.WithAlpha(0.10));
            span.LineStyle.Width = 0;
            if (!labelled)
            {
                span.LegendText = "GAN injection active";
                labelled = true;
            }

            i++;
        }
    }

    public static void MarkBest(Plot plot, double x, double y, string label)
    {
        var marker = plot.Add.Marker(x, y, MarkerShape.FilledDiamond, 13, Palette.Orange);
        marker.MarkerStyle.LineColor = Palette.Ink;
        marker.MarkerStyle.LineWidth = 1;
        marker.LegendText = label;
    }

    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, string legend, bool markers = true)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = 1.5f;
        line.MarkerSize = markers ? 6 : 0;
        line.LegendText = legend;
        return line;
    }
}
