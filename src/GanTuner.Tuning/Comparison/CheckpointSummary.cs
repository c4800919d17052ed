namespace GanTuner.Tuning.Comparison;

/// <summary>Quartiles over seeds of the best value found after <paramref name="Evaluations"/> evaluations.</summary>
public sealed record CheckpointSummary(int Evaluations, QuantileSummary Best);
