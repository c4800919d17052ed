using GanTuner.Tuning.Comparison;

namespace GanTuner.Reporting.Comparison;

/// <summary>What a comparison report shows: the statistics, and the words around them.</summary>
/// <param name="Summary">The comparison's statistics.</param>
/// <param name="ObjectiveLabel">The objective as people call it ("the LSTM on S&amp;P 500, holdout", "branin").</param>
/// <param name="ValueName">What a trial's value is (val_mse, value).</param>
/// <param name="Facts">Label and value pairs for the page's header (data, protocol, command…), in order.</param>
/// <param name="GeneratedAt">When the report was made (written into the page and summary.json, never into a figure).</param>
public sealed record ComparisonReportInput(
    ComparisonSummary Summary,
    string ObjectiveLabel,
    string ValueName,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    DateTimeOffset GeneratedAt);
