namespace GanTuner.Tuning.Comparison;

/// <summary>One run's best value after 1, 2, … evaluations (+∞ until a trial completes).</summary>
public sealed record BestSoFarCurve(int Seed, IReadOnlyList<double> Best)
{
    /// <summary>Seconds its evaluated trials took (<see cref="ComparisonMetricKeys.WallSeconds"/> where recorded).</summary>
    public double TrialSeconds { get; init; }

    /// <summary>Evaluated trials whose result was reused (<see cref="ComparisonMetricKeys.Reused"/>).</summary>
    public int Reused { get; init; }

    /// <summary>The metrics of the run's best trial (empty when none completed).</summary>
    public IReadOnlyDictionary<string, double> BestMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The best value after all evaluations (+∞ when none completed).</summary>
    public double Final => Best.Count == 0 ? double.PositiveInfinity : Best[^1];

    /// <summary>The best value after <paramref name="evaluations"/> evaluations (the last one when the run is shorter).</summary>
    public double After(int evaluations) => Best.Count == 0
        ? double.PositiveInfinity
        : Best[Math.Clamp(evaluations, 1, Best.Count) - 1];
}
