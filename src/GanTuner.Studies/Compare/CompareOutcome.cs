using GanTuner.Tuning.Comparison;

namespace GanTuner.Studies.Compare;

/// <summary>What a comparison leaves.</summary>
/// <param name="Start">What it compared, and where.</param>
/// <param name="Summary">The summary of every run; null when it was interrupted.</param>
/// <param name="Evaluated">Trials evaluated in the store at the end.</param>
public sealed record CompareOutcome(CompareStart Start, ComparisonSummary? Summary, int Evaluated)
{
    public bool Interrupted => Summary is null;
}
