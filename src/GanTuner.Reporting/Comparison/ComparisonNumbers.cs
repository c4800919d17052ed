using System.Globalization;
using GanTuner.Reporting.Text;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Reporting.Comparison;

/// <summary>How the comparison's page writes its numbers (the report's <see cref="NumberFormat"/>, plus what a comparison adds).</summary>
internal static class ComparisonNumbers
{
    public static string Quartiles(QuantileSummary q) =>
        $"{NumberFormat.Value(q.Median)} [{NumberFormat.Value(q.LowerQuartile)}, {NumberFormat.Value(q.UpperQuartile)}]";

    public static string Percent(double share) => (100 * share).ToString("F0", CultureInfo.InvariantCulture) + " %";

    public static string Method(WilcoxonMethod method) => method == WilcoxonMethod.Exact ? "exact" : "normal";

    public static string Duration(double seconds) => seconds switch
    {
        < 120 => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds / 60).ToString("F1", CultureInfo.InvariantCulture) + " min",
        _ => (seconds / 3600).ToString("F2", CultureInfo.InvariantCulture) + " h",
    };

    /// <summary>Seeds on which <paramref name="reference"/> ended strictly below <paramref name="tuner"/>.</summary>
    public static int Lower(TunerSummary reference, TunerSummary tuner) =>
        reference.Finals.Zip(tuner.Finals, (r, t) => r < t).Count(lower => lower);
}
