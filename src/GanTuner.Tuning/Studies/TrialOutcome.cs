namespace GanTuner.Tuning.Studies;

/// <summary>What an objective reports for one configuration: a value to minimise with its metrics, a
/// failure (a configuration that cannot be evaluated, such as windows longer than the data), or a trial
/// stopped early by the pruner with its last value.</summary>
public sealed record TrialOutcome
{
    private TrialOutcome(double? value, string? failureReason, IReadOnlyDictionary<string, double>? metrics, int? prunedAtEpoch = null)
    {
        Value = value;
        FailureReason = failureReason;
        Metrics = metrics ?? new Dictionary<string, double>();
        PrunedAtEpoch = prunedAtEpoch;
    }

    public double? Value { get; }

    public string? FailureReason { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    public bool Succeeded => FailureReason is null && PrunedAtEpoch is null;

    /// <summary>The epoch after which the pruner stopped the trial, or null for a trial that ran to its end.</summary>
    public int? PrunedAtEpoch { get; }

    public bool WasPruned => PrunedAtEpoch is not null;

    /// <summary>Text facts the objective measured beside its metrics (an LSTM's per-epoch losses, as JSON), stored
    /// as trial attributes whatever the outcome.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public static TrialOutcome Success(double value, IReadOnlyDictionary<string, double>? metrics = null) =>
        new(value, null, metrics);

    public static TrialOutcome Failure(string reason, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new TrialOutcome(null, reason, metrics);
    }

    /// <summary>The trial was stopped by the pruner after <paramref name="epoch"/>, its loss then being <paramref name="lastValue"/>.</summary>
    public static TrialOutcome Pruned(double lastValue, int epoch, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        return new TrialOutcome(lastValue, null, metrics, epoch);
    }
}
