namespace GanTuner.Dashboard.Analysis;

/// <summary>Each hyperparameter's share of the importance (summing to 1), largest first; or, when the study
/// has too few complete trials, no shares and the reason.</summary>
internal sealed record ImportanceResult(string Method, IReadOnlyList<(string Name, double Share)> Shares, string? Note);
