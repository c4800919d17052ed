namespace GanTuner.Dashboard.Views;

/// <summary>A row of a study's trial table.</summary>
internal sealed record TrialRow(
    int Number,
    string State,
    double? Value,
    IReadOnlyDictionary<string, string> Params,
    DateTimeOffset Started,
    double? Seconds,
    string? Progress,
    bool Interrupted,
    bool Injection);

/// <summary>One page of a study's trial table, with the total that matched and the counts by state.</summary>
internal sealed record TrialTable(int Total, int Offset, IReadOnlyList<TrialRow> Rows, IReadOnlyDictionary<string, int> Counts, long Version);
