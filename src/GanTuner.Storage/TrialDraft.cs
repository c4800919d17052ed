namespace GanTuner.Storage;

/// <summary>What a new (Running) trial is created with; the store adds its number and order stamps.</summary>
/// <remarks>A trial created with <see cref="StaleAfter"/> is kept alive by heartbeats
/// (<see cref="IStudyStore.Heartbeat"/>); its first heartbeat is <see cref="StartedAt"/>.</remarks>
public sealed record TrialDraft
{
    public TrialDraft(
        IEnumerable<KeyValuePair<string, ParamValue>> parameters,
        IEnumerable<double> point,
        DateTimeOffset startedAt,
        IEnumerable<KeyValuePair<string, string>>? attributes = null,
        string? worker = null,
        TimeSpan? staleAfter = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(point);
        if (staleAfter is { } grace && grace <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfter), "A grace period must be positive.");
        }

        Worker = worker;
        StaleAfter = staleAfter;
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

    /// <summary>Who runs the trial (host, process and worker slot), for people and for diagnostics.</summary>
    public string? Worker { get; }

    /// <summary>How long the trial may go without a heartbeat before any worker may fail it as stale;
    /// null: it never goes stale (only an explicit finish ends it).</summary>
    public TimeSpan? StaleAfter { get; }
}
