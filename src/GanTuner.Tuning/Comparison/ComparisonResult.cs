namespace GanTuner.Tuning.Comparison;

/// <summary>The curves of every compared tuner, in the plan's order.</summary>
public sealed record ComparisonResult(ComparisonPlan Plan, IReadOnlyList<TunerCurves> Tuners);
