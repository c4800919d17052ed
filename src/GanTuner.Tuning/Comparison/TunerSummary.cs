namespace GanTuner.Tuning.Comparison;

/// <summary>What a comparison found for one tuner over its seeds.</summary>
/// <param name="Tuner">The tuner's name.</param>
/// <param name="Curves">Its runs, seed by seed.</param>
/// <param name="Checkpoints">Quartiles of the best value after each reported number of evaluations.</param>
/// <param name="MeanRank">Rank among the compared tuners by final best value, averaged over seeds (1 is best).</param>
/// <param name="WinRateVsBaseline">Share of seeds it ends below the baseline (ties half); null for the baseline itself or without one.</param>
/// <param name="ReferenceTest">The paired signed-rank test of the reference tuner against this one (differences
/// reference − this, by seed); null for the reference itself or without one.</param>
/// <param name="Metrics">Quartiles over seeds of the requested metrics of each run's best trial.</param>
public sealed record TunerSummary(
    string Tuner,
    IReadOnlyList<BestSoFarCurve> Curves,
    IReadOnlyList<CheckpointSummary> Checkpoints,
    double MeanRank,
    double? WinRateVsBaseline,
    WilcoxonResult? ReferenceTest,
    IReadOnlyDictionary<string, QuantileSummary> Metrics)
{
    /// <summary>The final best value of each seed.</summary>
    public IReadOnlyList<double> Finals => [.. Curves.Select(c => c.Final)];

    /// <summary>Evaluated trials over all seeds.</summary>
    public int Evaluated => Curves.Sum(c => c.Best.Count);

    /// <summary>Seconds of all its evaluated trials.</summary>
    public double TrialSeconds => Curves.Sum(c => c.TrialSeconds);

    /// <summary>Evaluated trials whose result was reused from an identical evaluation.</summary>
    public int Reused => Curves.Sum(c => c.Reused);
}
