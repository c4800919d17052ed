using GanTuner.Data.Protocols;

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
}
