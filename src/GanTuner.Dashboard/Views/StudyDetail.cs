namespace GanTuner.Dashboard.Views;

/// <summary>The study page's data: its summary, space, attributes, importance, injection rounds and the
/// (downsampled) history the charts draw.</summary>
internal sealed record StudyDetail(
    StudySummary Summary,
    string Direction,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyDictionary<string, string> Attributes,
    ImportanceInfo Importance,
    IReadOnlyList<TrialRange> Injections,
    IReadOnlyList<ChartPoint> History,
    IReadOnlyList<ChartPoint> BestSoFar,
    long Version);

/// <summary>A hyperparameter as the space defines it (kind and range in words).</summary>
internal sealed record ParameterInfo(string Name, string Kind, string Range);

internal sealed record ImportanceInfo(string Method, IReadOnlyList<ImportanceShare> Shares, string? Note);

internal sealed record ImportanceShare(string Name, double Share);

internal sealed record TrialRange(int First, int Last);

internal sealed record ChartPoint(double X, double Y);
