using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GanTuner.Reporting.Figures;

/// <summary>A base-10 log scale for ScottPlot, which plots log10 of the data on a linear axis and labels
/// the decades: objectives like MSE span several decades, and on a linear axis the good trials vanish.</summary>
internal static class LogAxis
{
    /// <summary>A log scale pays off when all values are positive and span at least two decades.</summary>
    public static bool Suits(IEnumerable<double> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                continue;
            }

            if (v <= 0)
            {
                return false;
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max >= min * 100;
    }

    public static double[] Transform(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    public static void Apply(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = Decade,
        };
    }

    // Every decade as a power of ten, so one axis never mixes "0.001" with "1e-4".
    private static string Decade(double exponent)
    {
        var k = (int)Math.Round(exponent);
        var digits = k.ToString(CultureInfo.InvariantCulture).Select(c => c switch
        {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            _ => (char)('⁴' + (c - '4')),
        });
        return "10" + string.Concat(digits);
    }
}
