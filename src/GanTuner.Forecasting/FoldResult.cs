namespace GanTuner.Forecasting;

/// <summary>What one walk-forward fold of a trial measured on its own validation block.</summary>
/// <param name="Fold">1 for the earliest fold.</param>
/// <param name="TrainWindows">The fold's training windows.</param>
/// <param name="ValidationFrom">The first target day of the fold's validation block.</param>
/// <param name="ValidationTo">The last target day of the fold's validation block.</param>
/// <param name="Validation">The fold's validation scores (scaled MSE in the fold's own scaler's units), or null if it failed.</param>
/// <param name="EpochsRun">Epochs the fold trained.</param>
/// <param name="KeptEpoch">The epoch whose weights the fold was scored with.</param>
public sealed record FoldResult(int Fold, int TrainWindows, DateOnly ValidationFrom, DateOnly ValidationTo, SplitEvaluation? Validation, int EpochsRun, int KeptEpoch);
