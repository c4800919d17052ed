namespace GanTuner.Tuning;

/// <summary>An evaluated point: <paramref name="Value"/> is null when the trial failed (its point must
/// still count as evaluated, so tuners do not propose it again).</summary>
public sealed record Observation(double[] Point, double? Value);
