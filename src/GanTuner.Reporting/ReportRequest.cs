namespace GanTuner.Reporting;

/// <summary>What to report: a study, other studies to compare it with, and where files are.</summary>
/// <param name="Study">The study's name in the store.</param>
public sealed record ReportRequest(string Study)
{
    /// <summary>Studies whose best-so-far curves go on the comparison chart.</summary>
    public IReadOnlyList<string> Compare { get; init; } = [];

    /// <summary>Where the study's models and predictions are; default: the study's <c>out_dir</c>
    /// attribute, else <c>./gantuner-out/&lt;study&gt;/</c>.</summary>
    public string? StudyDirectory { get; init; }

    /// <summary>Where the report goes; default: <c>&lt;study folder&gt;/report/</c>.</summary>
    public string? OutDirectory { get; init; }
}
