namespace GanTuner.Dashboard.Charts;

/// <summary>A rectangle of an SVG with an x and a y scale, grid lines, tick labels and axis titles.</summary>
internal sealed class PlotArea
{
    public PlotArea(Svg svg, double left, double top, double right, double bottom, AxisScale x, AxisScale y)
    {
        Svg = svg;
        Left = left;
        Top = top;
        Right = right;
        Bottom = bottom;
        X = x;
        Y = y;
    }

    public Svg Svg { get; }

    public double Left { get; }

    public double Top { get; }

    public double Right { get; }

    public double Bottom { get; }

    public AxisScale X { get; }

    public AxisScale Y { get; }

    public static (double Left, double Top, double Right, double Bottom) Margins(Svg svg) =>
        (64, 28, svg.Width - 16, svg.Height - 40);

    /// <summary>Grid, ticks and titles; <paramref name="xLabel"/> formats x ticks (default: numbers).</summary>
    public PlotArea DrawAxes(string xTitle, string yTitle, Func<double, string>? xLabel = null, int xTicks = 8)
    {
        foreach (var tick in Y.Ticks())
        {
            var y = Y.Map(tick);
            Svg.Line(Left, y, Right, y, Palette.Grid);
            Svg.Text(Left - 6, y + 4, AxisScale.Label(tick), "end");
        }

        foreach (var tick in X.Ticks(xTicks))
        {
            var x = X.Map(tick);
            Svg.Line(x, Bottom, x, Bottom + 4, Palette.Axis);
            Svg.Text(x, Bottom + 16, xLabel?.Invoke(tick) ?? AxisScale.Label(tick), "middle");
        }

        Svg.Line(Left, Bottom, Right, Bottom, Palette.Axis).Line(Left, Top, Left, Bottom, Palette.Axis);
        Svg.Text((Left + Right) / 2, Bottom + 32, xTitle, "middle");
        Svg.Text(14, (Top + Bottom) / 2, yTitle + (Y.Log ? " (log)" : ""), "middle", rotate: -90);
        return this;
    }

    /// <summary>A legend row at the top right: (colour, label) pairs.</summary>
    public PlotArea Legend(params (string Colour, string Label)[] entries)
    {
        var x = Right;
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            var width = 14 + (entries[i].Label.Length * 6.2);
            x -= width + 12;
            Svg.Rect(x, Top - 20, 10, 10, entries[i].Colour);
            Svg.Text(x + 14, Top - 11, entries[i].Label);
        }

        return this;
    }
}
