namespace GanTuner.Storage;

/// <summary>What a new (Running) trial is created with; the store adds its number and order stamps.</summary>
public sealed record TrialDraft
{
    public TrialDraft(
        IEnumerable<KeyValuePair<string, ParamValue>> parameters,
        IEnumerable<double> point,
        DateTimeOffset startedAt,
        IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(point);
        Parameters = ReadOnlyCopies.Of(parameters);
        Point = ReadOnlyCopies.Of(point);
        StartedAt = startedAt;
        Attributes = ReadOnlyCopies.Of(attributes);
    }

    public IReadOnlyDictionary<string, ParamValue> Parameters { get; }

    /// <summary>The configuration as a point of the unit cube, exactly as the tuner proposed it.</summary>
    public IReadOnlyList<double> Point { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyDictionary<string, string> Attributes { get; }
}
