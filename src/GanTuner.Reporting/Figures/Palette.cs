using ScottPlot;

namespace GanTuner.Reporting.Figures;

/// <summary>One meaning, one colour, on every figure and in the page's CSS: the reader learns it once.</summary>
internal static class Palette
{
    /// <summary>Observed prices and the study's own objective.</summary>
    public static readonly Color Ink = Color.FromHex("#263238");

    /// <summary>The model: objective per trial, predictions, training data.</summary>
    public static readonly Color Blue = Color.FromHex("#1f77b4");

    /// <summary>The best so far and the best trial.</summary>
    public static readonly Color Orange = Color.FromHex("#ff7f0e");

    /// <summary>The test period.</summary>
    public static readonly Color Green = Color.FromHex("#2ca02c");

    /// <summary>GAN injection, density curves, attention.</summary>
    public static readonly Color Red = Color.FromHex("#d62728");

    /// <summary>Baselines (the naive forecast) and reference lines.</summary>
    public static readonly Color Grey = Color.FromHex("#8a8f98");

    /// <summary>Further series, for comparisons of several studies.</summary>
    public static readonly Color[] Series =
    [
        Blue, Orange, Green, Red, Color.FromHex("#9467bd"), Color.FromHex("#8c564b"),
        Color.FromHex("#e377c2"), Color.FromHex("#17becf"), Color.FromHex("#bcbd22"), Grey,
    ];

    /// <summary>The role colours of the train / validation / test parts of the series.</summary>
    public static Color ForSegment(string name) => name.ToUpperInvariant() switch
    {
        "TRAIN" => Blue,
        "VALIDATION" => Orange,
        "TEST" => Green,
        _ => Grey,
    };
}
