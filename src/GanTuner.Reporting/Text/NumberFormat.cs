using System.Globalization;

namespace GanTuner.Reporting.Text;

/// <summary>How the report writes numbers: four significant digits without trailing zeros, scientific only for
/// very small or very large magnitudes (an MSE of 4.9e-5 reads better than 0.000049), always culture-invariant.</summary>
public static class NumberFormat
{
    public static string Value(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude < 1e-3 || magnitude >= 1e7)
        {
            return value.ToString("0.###e0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude)));
        return Math.Round(value, decimals).ToString("0.#######", CultureInfo.InvariantCulture);
    }

    /// <summary>A hyperparameter value as a person would write it: whole numbers without decimals, others
    /// to four significant digits without trailing zeros (0.2, 0.0001235), scientific below 1e-4.</summary>
    public static string Parameter(double value)
    {
        var magnitude = Math.Abs(value);
        if (value == Math.Round(value) && magnitude < 1e9)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        if (magnitude < 1e-4 || magnitude >= 1e6 || !double.IsFinite(value))
        {
            return double.IsFinite(value) ? value.ToString("0.###e0", CultureInfo.InvariantCulture) : Value(value);
        }

        var rounded = Math.Round(value, Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 15));
        return rounded.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    public static string Optional(double? value) => value is { } v ? Value(v) : "—";
}
