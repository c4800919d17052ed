using GanTuner.Tuning.Comparison;

namespace GanTuner.Studies.Compare;

/// <summary>A comparison as it starts.</summary>
/// <param name="Objective">What is minimised.</param>
/// <param name="Plan">Tuners, seeds and budget.</param>
/// <param name="Done">Trials already in the store.</param>
/// <param name="StorageLabel">The store's location, or "memory".</param>
/// <param name="OutDirectory">Absolute folder of the summary and figures.</param>
public sealed record CompareStart(ICompareObjective Objective, ComparisonPlan Plan, int Done, string StorageLabel, string OutDirectory);
