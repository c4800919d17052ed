namespace GanTuner.Storage;

/// <summary>A trial as the store holds it. Immutable: a store hands out a new record after every change,
/// and once the trial is finished its record never changes again (Optuna's FrozenTrial).</summary>
public sealed record TrialRecord
{
    public TrialRecord(
        int number,
        TrialState state,
        TrialDraft draft,
        int finishedBefore,
        TrialCompletion? completion = null,
        int? finishOrder = null,
        DateTimeOffset? heartbeatAt = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfNegative(finishedBefore);
        if ((state == TrialState.Running) != (completion is null) || (completion is null) != (finishOrder is null))
        {
            throw new ArgumentException("A finished trial needs its completion and finish order; a running one neither.");
        }

        if (completion is not null && completion.State != state)
        {
            throw new ArgumentException("The completion's state differs from the trial's.", nameof(completion));
        }

        Number = number;
        State = state;
        Parameters = draft.Parameters;
        Point = draft.Point;
        StartedAt = draft.StartedAt;
        FinishedBefore = finishedBefore;
        Value = completion?.Value;
        FinishedAt = completion?.FinishedAt;
        Metrics = completion?.Metrics ?? ReadOnlyCopies.Of<double>(null);
        var attributes = draft.Attributes.Concat(completion?.Attributes ?? ReadOnlyCopies.Of<string>(null));
        Attributes = ReadOnlyCopies.Of(attributes);
        FinishOrder = finishOrder;
        Worker = draft.Worker;
        StaleAfter = draft.StaleAfter;
        HeartbeatAt = heartbeatAt ?? draft.StartedAt;
    }

    /// <summary>0, 1, 2… within the study, in order of creation.</summary>
    public int Number { get; }

    public TrialState State { get; }

    public IReadOnlyDictionary<string, ParamValue> Parameters { get; }

    /// <summary>The configuration as a point of the unit cube.</summary>
    public IReadOnlyList<double> Point { get; }

    /// <summary>The objective's value: set for Complete trials, possibly for Pruned ones, never for Running ones.</summary>
    public double? Value { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    public IReadOnlyDictionary<string, string> Attributes { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>How many trials of the study had finished when this one was created.</summary>
    public int FinishedBefore { get; }

    /// <summary>1-based position of this trial among the study's finished trials (null while Running).</summary>
    /// <remarks>With <see cref="FinishedBefore"/> this lets a reader rebuild the exact interleaving of
    /// creations and completions, which a tuner replay needs when trials overlap.</remarks>
    public int? FinishOrder { get; }

    /// <summary>Who ran (or runs) the trial; null for a trial created without a worker.</summary>
    public string? Worker { get; }

    /// <summary>The last heartbeat of its worker (the start time until the first renewal).</summary>
    public DateTimeOffset HeartbeatAt { get; }

    /// <summary>How long the trial may go without a heartbeat before it counts as stale; null: never.</summary>
    public TimeSpan? StaleAfter { get; }

    /// <summary>Whether the trial is Running but its worker has not renewed its heartbeat in time, so any
    /// worker may fail it (<see cref="IStudyStore.TryFinishStale"/>).</summary>
    public bool IsStaleAt(DateTimeOffset now) =>
        State == TrialState.Running && StaleAfter is { } grace && HeartbeatAt + grace < now;

    /// <summary>Failed because its process stopped (it will be, or was, evaluated again by a retry).</summary>
    public bool IsInterrupted =>
        State == TrialState.Failed
        && Attributes.TryGetValue(TrialAttributeKeys.FailReason, out var reason)
        && reason == TrialAttributeKeys.InterruptedReason;

    /// <summary>The number of the interrupted trial this one re-evaluates, if it is a retry.</summary>
    public int? RetryOf =>
        Attributes.TryGetValue(TrialAttributeKeys.RetryOf, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>This trial with <paramref name="completion"/> applied, as the store records a finish.</summary>
    public TrialRecord Finish(TrialCompletion completion, int finishOrder)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (State != TrialState.Running)
        {
            throw new InvalidOperationException($"Trial {Number} is already {State}.");
        }

        var draft = new TrialDraft(Parameters, Point, StartedAt, Attributes, Worker, StaleAfter);
        return new TrialRecord(Number, completion.State, draft, FinishedBefore, completion, finishOrder, HeartbeatAt);
    }

    /// <summary>This Running trial with <paramref name="attributes"/> added or replaced.</summary>
    public TrialRecord WithAttributes(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (State != TrialState.Running)
        {
            throw new InvalidOperationException($"Trial {Number} is already {State}.");
        }

        var merged = Attributes.Where(a => !attributes.ContainsKey(a.Key)).Concat(attributes);
        var draft = new TrialDraft(Parameters, Point, StartedAt, merged, Worker, StaleAfter);
        return new TrialRecord(Number, State, draft, FinishedBefore, heartbeatAt: HeartbeatAt);
    }

    /// <summary>This Running trial with its heartbeat renewed at <paramref name="at"/>.</summary>
    public TrialRecord Beat(DateTimeOffset at)
    {
        if (State != TrialState.Running)
        {
            throw new InvalidOperationException($"Trial {Number} is already {State}.");
        }

        var draft = new TrialDraft(Parameters, Point, StartedAt, Attributes, Worker, StaleAfter);
        return new TrialRecord(Number, State, draft, FinishedBefore, heartbeatAt: at);
    }
}
