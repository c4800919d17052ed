namespace GanTuner.Tuning.Studies;

/// <summary>What an objective reports for one configuration: a value to minimise with its metrics, or a
/// failure (a configuration that cannot be evaluated, such as windows longer than the data).</summary>
public sealed record TrialOutcome
{
    private TrialOutcome(double? value, string? failureReason, IReadOnlyDictionary<string, double>? metrics)
    {
        Value = value;
        FailureReason = failureReason;
        Metrics = metrics ?? new Dictionary<string, double>();
    }

    public double? Value { get; }

    public string? FailureReason { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    public bool Succeeded => FailureReason is null;

    public static TrialOutcome Success(double value, IReadOnlyDictionary<string, double>? metrics = null) =>
        new(value, null, metrics);

    public static TrialOutcome Failure(string reason, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new TrialOutcome(null, reason, metrics);
    }
}
