using System.Globalization;

namespace GanTuner.Forecasting.Skill;

/// <summary>
/// The one rule every front end uses to say how a model compares with a baseline: a lower RMSE counts as
/// beating it only when the Diebold–Mariano test says the difference is significant at 5 %. A U2 of 0.9999
/// on a random walk is no skill, and saying "beats" there is the claim a forecaster distrusts first.
/// </summary>
public static class ForecastVerdict
{
    /// <summary>The significance level of the Diebold–Mariano test.</summary>
    public const double Level = 0.05;

    /// <summary>
    /// The verb for a model whose RMSE is <paramref name="ratio"/> times the baseline's, with the DM test's
    /// <paramref name="pValue"/> (NaN when it could not be computed: the ratio alone decides then).
    /// </summary>
    public static string Verb(double ratio, double pValue) =>
        double.IsFinite(pValue) && pValue >= Level ? "is not significantly different from"
        : ratio < 1 ? "beats"
        : double.IsFinite(pValue) ? "loses to" : "does not beat";

    /// <summary>Whether <see cref="Verb"/> is a win.</summary>
    public static bool Beats(double ratio, double pValue) => ratio < 1 && !(double.IsFinite(pValue) && pValue >= Level);

    /// <summary>", DM p = …" for a sentence, or nothing without a p-value.</summary>
    public static string PValueClause(double pValue) =>
        double.IsFinite(pValue) ? $" (Diebold–Mariano p = {pValue.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal)})" : string.Empty;
}
