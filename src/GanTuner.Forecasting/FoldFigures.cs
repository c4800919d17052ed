using System.Globalization;

namespace GanTuner.Forecasting;

/// <summary>One walk-forward fold's figures as a stored trial keeps them (the fold&lt;k&gt;_* metrics of
/// <see cref="TrialResult.ToMetrics"/>): what the tune summary and the report show per fold.</summary>
/// <param name="Fold">1 for the earliest fold.</param>
/// <param name="ValidationMse">Validation MSE in the fold's scaled units (null if the fold recorded none).</param>
/// <param name="ValidationU2">Validation Theil's U2.</param>
/// <param name="KeptEpoch">The epoch whose weights were scored.</param>
/// <param name="EpochsRun">Epochs trained.</param>
/// <param name="TrainWindows">Training windows.</param>
public sealed record FoldFigures(int Fold, double? ValidationMse, double? ValidationU2, int? KeptEpoch, int? EpochsRun, int? TrainWindows)
{
    /// <summary>The folds a trial's metrics hold, earliest first; empty for the other protocols.</summary>
    public static IReadOnlyList<FoldFigures> Read(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var folds = new List<FoldFigures>();
        for (var k = 1; metrics.ContainsKey(Key(k, "epoch_kept")); k++)
        {
            folds.Add(new FoldFigures(
                k,
                Value(metrics, Key(k, "val_mse")),
                Value(metrics, Key(k, "val_u2")),
                (int?)Value(metrics, Key(k, "epoch_kept")),
                (int?)Value(metrics, Key(k, "epochs_run")),
                (int?)Value(metrics, Key(k, "train_windows"))));
        }

        return folds;
    }

    /// <summary>The metric key of fold <paramref name="fold"/> (from 1): <c>fold3_val_mse</c>.</summary>
    public static string Key(int fold, string name) => string.Create(CultureInfo.InvariantCulture, $"fold{fold}_{name}");

    private static double? Value(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var v) && double.IsFinite(v) ? v : null;
}
