namespace GanTuner.Reporting.Model;

/// <summary>Another study's objective values in trial order, for the best-so-far comparison figure.</summary>
public sealed record ComparisonCurve(string Study, string Tuner, IReadOnlyList<double?> Values);
