using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Compare;

/// <summary>What a comparison minimises: a synthetic function or the LSTM on a price series.</summary>
public interface ICompareObjective
{
    /// <summary>The objective's part of every study name: says everything a trial's value depends on.</summary>
    string Tag { get; }

    /// <summary>The objective as people call it, for the page's title.</summary>
    string Label { get; }

    /// <summary>Label and value pairs that say what was compared, for the page's header and summary.json.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Facts { get; }

    /// <summary>What a trial's value is called (val_mse, test_mse, value).</summary>
    string ValueName { get; }

    SearchSpace Space { get; }

    /// <summary>User attributes of the studies it creates, which a stored study must match; null when only the
    /// study's definition (tuner, seed, options, space) matters.</summary>
    IReadOnlyDictionary<string, string>? StudyAttributes { get; }

    /// <summary>Metrics of each run's best trial summarised per tuner.</summary>
    IReadOnlyList<string> MetricKeys { get; }

    /// <summary>Lines saying what is compared, printed before the comparison runs.</summary>
    IReadOnlyList<string> Describe(ComparisonPlan plan);

    /// <summary>What the first summary table's caption says the values are.</summary>
    string Caption(ComparisonPlan plan);

    /// <summary>The objective of one run; it reports each epoch's loss through <see cref="TrialContext.ShouldPrune"/>
    /// when it has epochs (the LSTM), so that a comparison's pruner can stop it.</summary>
    Func<TrialContext, CancellationToken, TrialOutcome> ObjectiveFor(ComparisonRun run, Study study, ICompareObserver observer);
}
