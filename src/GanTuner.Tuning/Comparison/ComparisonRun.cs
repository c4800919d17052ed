namespace GanTuner.Tuning.Comparison;

/// <summary>One (tuner, seed) run of a comparison and the study that holds it.</summary>
public sealed record ComparisonRun(string Tuner, int Seed, string StudyName);
