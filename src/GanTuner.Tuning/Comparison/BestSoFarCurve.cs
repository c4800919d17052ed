namespace GanTuner.Tuning.Comparison;

/// <summary>One run's best value after 1, 2, … evaluations (+∞ until a trial completes).</summary>
public sealed record BestSoFarCurve(int Seed, IReadOnlyList<double> Best)
{
    /// <summary>The best value after <paramref name="evaluations"/> evaluations (the last one when the run is shorter).</summary>
    public double After(int evaluations) => Best.Count == 0
        ? double.PositiveInfinity
        : Best[Math.Clamp(evaluations, 1, Best.Count) - 1];
}
