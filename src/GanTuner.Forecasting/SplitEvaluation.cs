using GanTuner.Data.Protocols;
using GanTuner.Forecasting.Skill;

namespace GanTuner.Forecasting;

/// <summary>A trained model's errors on one split beside the naive persistence forecast on the same windows.</summary>
/// <param name="Split">Which split.</param>
/// <param name="Windows">Windows scored.</param>
/// <param name="Scaled">Model errors in the scaled units the model is trained in.</param>
/// <param name="Price">Model errors after mapping predictions back to prices.</param>
/// <param name="NaiveScaled">Persistence forecast (tomorrow = today) in scaled units.</param>
/// <param name="NaivePrice">Persistence forecast in prices.</param>
public sealed record SplitEvaluation(SplitKind Split, int Windows, ErrorMetrics Scaled, ErrorMetrics Price, ErrorMetrics NaiveScaled, ErrorMetrics NaivePrice)
{
    /// <summary>Theil's U2: the model's price RMSE over the persistence forecast's. Below 1 beats "tomorrow = today".</summary>
    public double U2 => Price.Rmse / NaivePrice.Rmse;

    /// <summary>AR(p), MASE, direction and Diebold–Mariano figures; null where they could not be computed.</summary>
    public ForecastSkill? Skill { get; init; }

    /// <summary>
    /// The mean of <paramref name="folds"/>' scores, as walk-forward's objective: each error's mean over the folds,
    /// except the RMSE, the root of the mean MSE (so U2 stays the ratio of the pooled RMSEs: the blocks are of equal
    /// size). No AR(p), MASE or DM figures: each fold has its own baseline.
    /// </summary>
    public static SplitEvaluation Mean(IReadOnlyList<SplitEvaluation> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentOutOfRangeException.ThrowIfZero(folds.Count);
        return new SplitEvaluation(
            folds[0].Split,
            folds.Sum(f => f.Windows),
            ErrorMetrics.Mean(folds.Select(f => f.Scaled)),
            ErrorMetrics.Mean(folds.Select(f => f.Price)),
            ErrorMetrics.Mean(folds.Select(f => f.NaiveScaled)),
            ErrorMetrics.Mean(folds.Select(f => f.NaivePrice)));
    }

    /// <summary>The model's price RMSE over the AR baseline's; NaN without <see cref="Skill"/>.</summary>
    public double U2VersusAr => Skill is null ? double.NaN : Price.Rmse / Skill.ArPrice.Rmse;

    /// <summary>The stronger baseline (lower price RMSE) of persistence and AR(p), its RMSE, and the DM p-value of the model against it.</summary>
    public (string Name, double Rmse, double DmPValue) StrongerBaseline =>
        Skill is not null && Skill.ArPrice.Rmse < NaivePrice.Rmse
            ? (Skill.ArName, Skill.ArPrice.Rmse, Skill.VersusAr.PValue)
            : ("naive", NaivePrice.Rmse, Skill?.VersusNaive.PValue ?? double.NaN);

    /// <summary>
    /// One plain sentence: whether the model beats the stronger baseline on this split, and whether the
    /// difference is significant at 5 % (Diebold–Mariano).
    /// </summary>
    public string Verdict()
    {
        var (name, rmse, p) = StrongerBaseline;
        var ratio = Price.Rmse / rmse;
        var baseline = name == "naive" ? "the naive forecast (tomorrow = today)" : $"the linear {name} baseline";
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{ForecastVerdict.Verb(ratio, p)} {baseline}, the stronger baseline: RMSE ratio {ratio:G4}{ForecastVerdict.PValueClause(p)}");
    }
}
