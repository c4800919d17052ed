namespace GanTuner.Dashboard.Charts;

/// <summary>Colours shared by every chart (Okabe–Ito, readable by people with colour-vision deficiencies).</summary>
internal static class Palette
{
    public const string Value = "#0072B2";
    public const string Best = "#D55E00";
    public const string Injection = "#E69F00";
    public const string Grid = "#e4e4e4";
    public const string Axis = "#888";
    public const string Muted = "#999";

    public static readonly string[] Series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>A colour from dark blue (t = 0, the best) to light yellow (t = 1), after viridis.</summary>
    public static string Ramp(double t)
    {
        (double R, double G, double B)[] stops = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)];
        var x = Math.Clamp(t, 0, 1) * (stops.Length - 1);
        var i = Math.Min((int)x, stops.Length - 2);
        var f = x - i;
        var (r, g, b) = (Mix(stops[i].R, stops[i + 1].R, f), Mix(stops[i].G, stops[i + 1].G, f), Mix(stops[i].B, stops[i + 1].B, f));
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static int Mix(double a, double b, double f) => (int)Math.Round(a + ((b - a) * f));
}
