namespace GanTuner.Forecasting;

/// <summary>Optional behaviour of a trial.</summary>
/// <param name="KeepModel">Return the trained model in <see cref="TrialResult.Model"/> (to save it or predict with it).</param>
/// <param name="MemoryBudgetBytes">Cap on the engine's workspaces; very large batches are then processed in several chunks.</param>
/// <param name="EarlyStopping">Stop on the objective split's loss and keep the best epoch's weights; null trains exactly the configured epochs (the paper's way).</param>
public sealed record TrialOptions(bool KeepModel = false, long MemoryBudgetBytes = 256L * 1024 * 1024, EarlyStopping? EarlyStopping = null);
