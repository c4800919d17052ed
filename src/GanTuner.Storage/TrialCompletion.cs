namespace GanTuner.Storage;

/// <summary>How a Running trial ends: its final state, value, metrics and any attributes to add.</summary>
public sealed record TrialCompletion
{
    public TrialCompletion(
        TrialState state,
        double? value,
        DateTimeOffset finishedAt,
        IEnumerable<KeyValuePair<string, double>>? metrics = null,
        IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        if (state == TrialState.Running)
        {
            throw new ArgumentException("A trial cannot finish as Running.", nameof(state));
        }

        if (state == TrialState.Complete && (value is null || !double.IsFinite(value.Value)))
        {
            throw new ArgumentException("A Complete trial needs a finite value.", nameof(value));
        }

        State = state;
        Value = value;
        FinishedAt = finishedAt;
        Metrics = ReadOnlyCopies.Of(metrics);
        Attributes = ReadOnlyCopies.Of(attributes);
    }

    public TrialState State { get; }

    public double? Value { get; }

    public DateTimeOffset FinishedAt { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Added to the attributes the trial was created with (a key given again replaces the old value).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }
}
