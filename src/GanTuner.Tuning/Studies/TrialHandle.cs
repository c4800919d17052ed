namespace GanTuner.Tuning.Studies;

/// <summary>A trial handed out by <see cref="Study.Ask"/>: evaluate <see cref="Parameters"/>, then report
/// with <see cref="Study.Tell"/>, <see cref="Study.Fail"/> or <see cref="Study.Interrupt"/> and <see cref="Number"/>.</summary>
public sealed record TrialHandle(
    int Number,
    ParameterSet Parameters,
    IReadOnlyList<double> Point,
    IReadOnlyDictionary<string, string> Attributes,
    int? RetryOf);
