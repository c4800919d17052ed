namespace GanTuner.Studies.AskTell;

/// <summary>The result of a trial that <see cref="StudyService.Ask"/> started: a value, or a failure with its reason.</summary>
/// <param name="Storage">Where the study is stored.</param>
/// <param name="Study">The study's name.</param>
/// <param name="Trial">The trial's number.</param>
/// <param name="Value">The objective's value; null for a failure.</param>
public sealed record TellRequest(string Storage, string Study, int Trial, double? Value)
{
    /// <summary>Why the trial failed; used when <see cref="Value"/> is null.</summary>
    public string? FailReason { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
