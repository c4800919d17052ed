namespace GanTuner.Tuning.Comparison;

/// <summary>Every seed's best-so-far curve for one tuner.</summary>
public sealed record TunerCurves(string Tuner, IReadOnlyList<BestSoFarCurve> Runs)
{
    /// <summary>Quartiles over seeds of the best value after <paramref name="evaluations"/> evaluations.</summary>
    public QuantileSummary After(int evaluations) => QuantileSummary.Of(Runs.Select(r => r.After(evaluations)));
}
