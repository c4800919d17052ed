namespace GanTuner.Reporting.Comparison;

/// <summary>The files a comparison report wrote, as absolute paths.</summary>
public sealed record ComparisonReportFiles(
    string Directory,
    string Page,
    IReadOnlyList<string> Figures,
    string SummaryCsv,
    string SummaryJson,
    string RunsCsv);
