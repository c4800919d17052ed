using System.Globalization;
using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Objectives;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Compare;

/// <summary>A benchmark function with a known minimum: trials take microseconds, so tuners can be compared over many seeds.</summary>
public sealed class SyntheticCompareObjective(SyntheticObjective function, string tag) : ICompareObjective
{
    public string Tag => tag;

    public string Label => function.Name;

    public IReadOnlyList<KeyValuePair<string, string>> Facts =>
    [
        new("Objective", string.Create(CultureInfo.InvariantCulture, $"{function.Name}: {function.Dimensions} dimensions in [0, 1], known minimum {function.Minimum}")),
    ];

    public string ValueName => "value";

    public SearchSpace Space { get; } = function.Space();

    public IReadOnlyDictionary<string, string>? StudyAttributes => null;

    public IReadOnlyList<string> MetricKeys => [];

    public IReadOnlyList<string> Describe(ComparisonPlan plan) =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"compare on {function.Name} ({function.Dimensions} dimensions, minimum {function.Minimum}): {plan.Tuners.Count} tuners × {plan.Seeds} seeds × {plan.Budget} evaluations"),
    ];

    public string Caption(ComparisonPlan plan) => string.Create(CultureInfo.InvariantCulture,
        $"{function.Name} (minimum {function.Minimum}), {plan.Seeds} seeds from {plan.FirstSeed}: median, [quartiles]");

    public Func<TrialContext, CancellationToken, TrialOutcome> ObjectiveFor(ComparisonRun run, Study study, ICompareObserver observer) =>
        (trial, _) => TrialOutcome.Success(function.Evaluate(trial.Parameters));
}
