using GanTuner.Storage;

namespace GanTuner.Tuning.Studies;

/// <summary>The ask/tell front of one stored study (Optuna's <c>Study</c>): it owns a tuner rebuilt by
/// replaying the stored trials, and writes every trial to the store as it starts and ends.</summary>
/// <remarks>
/// <para><b>Replay.</b> A study never stores its tuner. It builds one from the study's seed and replays
/// the trials in the order things happened (see <see cref="TrialRecord.FinishedBefore"/>): a trial's
/// creation is an Ask (whose proposal is dropped: the recorded point is what was evaluated), its end a
/// Tell with the recorded point and value. So a study resumed in a new process, or driven one command at
/// a time through ask/tell, proposes exactly what one uninterrupted process would have. A trial still
/// running is replayed as an Ask without a Tell. A tuner that needs no replayed Asks
/// (<see cref="ITuner.ReplayNeedsAsks"/> false) is only told the finished trials, and its one Ask is handed every
/// running trial as pending.</para>
/// <para><b>Interruptions.</b> A trial whose process stopped is finished as Failed with reason
/// "interrupted" (<see cref="Interrupt"/> by a worker that is stopped; <see cref="FailStale()"/> by any worker
/// once the trial's heartbeat is older than its grace period, see <see cref="AskOptions.StaleAfter"/>) and its configuration is
/// evaluated again, first, by a retry trial that carries <c>retry_of</c>. The tuner is never told of the
/// interruption; the retry is replayed as a Tell without an Ask: to the tuner the original Ask simply got
/// its answer late. Completed trials are never repeated or lost.</para>
/// <para><b>Concurrency.</b> Members are thread-safe. Several processes may ask and tell the same study:
/// trials are created optimistically (<see cref="IStudyStore.TryCreateTrial"/>), and when another writer
/// came in between, the tuner is rebuilt from the store and asked again. The points of running trials are
/// passed to the tuner (<see cref="ITuner.Ask(IReadOnlyList{double[]})"/>) so that workers spread out. With
/// one worker, replay is exact; with several, which trial gets which proposal depends on timing, but every
/// trial's record (point, value, order stamps) is exact, so the study can always be replayed as it happened.</para>
/// </remarks>
public sealed class Study
{
    private const int CreationAttempts = 64;
    private readonly Lock _gate = new();
    private readonly IStudyStore _store;
    private readonly TimeProvider _clock;
    // Built and replayed on the first Ask only: telling a result or reading trials never needs a tuner.
    private ITuner? _tuner;
    private int _replayedTrials;
    private int _replayedFinishes;

    private Study(IStudyStore store, StudyRecord record, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        Record = record;
        Space = SearchSpace.Parse(record.SearchSpaceJson);
        Options = TunerOptions.FromJson(record.TunerOptionsJson);
    }

    public StudyRecord Record { get; }

    public string Name => Record.Name;

    public SearchSpace Space { get; }

    public string TunerName => Record.TunerName;

    public int Seed => Record.Seed;

    public TunerOptions Options { get; }

    /// <summary>All trials, from the store, in number order.</summary>
    public IReadOnlyList<TrialRecord> Trials => _store.GetTrials(Name);

    /// <summary>The complete trial with the lowest value (the earliest among equals), or null.</summary>
    public TrialRecord? Best => BestOf(Trials);

    /// <summary>Opens the study of that name, creating it with this definition if it does not exist.
    /// An existing study must have the same tuner, seed, options and space.</summary>
    public static Study CreateOrLoad(
        IStudyStore store,
        string name,
        SearchSpace space,
        string tunerName,
        int seed,
        TunerOptions options,
        IReadOnlyDictionary<string, string>? attributes = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(tunerName);
        ArgumentNullException.ThrowIfNull(options);
        clock ??= TimeProvider.System;
        // Building the tuner first rejects an unknown tuner or a bad option before anything is written.
        _ = TunerFactory.Create(tunerName, space, seed, options);
        var wanted = new StudyRecord(name, space.ToJson(), tunerName, options.ToJson(), seed, clock.GetUtcNow(), attributes);
        store.TryCreateStudy(wanted);
        var stored = store.FindStudy(name) ?? throw new StudyException($"study '{name}' vanished while it was created");
        RequireSameDefinition(stored, wanted, options);
        return new Study(store, stored, clock);
    }

    /// <summary>Opens an existing study with the definition it was created with.</summary>
    public static Study Load(IStudyStore store, string name, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(name);
        var record = store.FindStudy(name) ?? throw new StudyException($"no study named '{name}'");
        return new Study(store, record, clock ?? TimeProvider.System);
    }

    /// <summary>Starts a trial: the next interrupted configuration if one awaits its retry, else the tuner's proposal.</summary>
    public TrialHandle Ask() => TryAsk(new AskOptions())!;

    /// <summary>Starts a trial as <see cref="Ask()"/> does, for a worker among others: stale trials are failed
    /// (and retried first), the tuner is told which points are still running, and with a budget nothing is
    /// started once running and evaluated trials fill it (then this returns null).</summary>
    /// <remarks>The budget claim is atomic: the decision is made from one snapshot of the trials and the
    /// trial is created only if nothing was created or finished since (<see cref="IStudyStore.TryCreateTrial"/>),
    /// so workers never overshoot it.</remarks>
    public TrialHandle? TryAsk(AskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            try
            {
                return TryAskLocked(options);
            }
            catch
            {
                // The tuner may have remembered a proposal that no trial records.
                ForgetTuner();
                throw;
            }
        }
    }

    private TrialHandle? TryAskLocked(AskOptions options)
    {
        for (var attempt = 0; attempt < CreationAttempts; attempt++)
        {
            var trials = Replay();
            if (FailStale(trials).Count > 0)
            {
                continue;
            }

            if (options.Budget is { } budget && Claimed(trials) >= budget)
            {
                return null;
            }

            var interrupted = AwaitingRetry(trials);
            var draft = interrupted is null ? Propose(trials, options) : RetryOf(interrupted, options);
            var created = _store.TryCreateTrial(Name, draft, StudyProgress.Of(trials));
            if (created is not null)
            {
                _replayedTrials++;
                return Handle(created);
            }

            if (interrupted is null)
            {
                // The tuner answered an Ask that no trial records.
                ForgetTuner();
            }
        }

        throw new StudyException($"study '{Name}' changed {CreationAttempts} times while a trial was being created");
    }

    /// <summary>Drops the tuner, so that the next Ask rebuilds it from the store.</summary>
    private void ForgetTuner()
    {
        _tuner = null;
        _replayedTrials = 0;
        _replayedFinishes = 0;
    }

    /// <summary>Fails every trial whose heartbeat is older than its grace period as interrupted (its
    /// configuration is retried first); live trials are never touched. Returns the trials it failed.</summary>
    public IReadOnlyList<TrialRecord> FailStale() => FailStale(Trials);

    /// <summary>Renews the heartbeat of a trial this process runs; false when the trial is no longer
    /// Running (another worker failed it as stale, or it was told): stop working on it.</summary>
    public bool Heartbeat(int trialNumber) => _store.Heartbeat(Name, trialNumber, _clock.GetUtcNow());

    /// <summary>Records attributes of a trial this process runs while it runs (its progress, for watchers);
    /// false when the trial is no longer Running.</summary>
    public bool SetRunningAttributes(int trialNumber, IReadOnlyDictionary<string, string> attributes) =>
        _store.SetRunningAttributes(Name, trialNumber, attributes);

    /// <summary>Evaluated trials (finished and not interrupted): what a budget counts in the end.</summary>
    public static int Evaluated(IEnumerable<TrialRecord> trials) =>
        trials.Count(t => t.State != TrialState.Running && !t.IsInterrupted);

    /// <summary>Records a result. A value that is not finite (a diverged model) fails the trial instead.</summary>
    public TrialRecord Tell(int trialNumber, double value, IReadOnlyDictionary<string, double>? metrics = null) =>
        double.IsFinite(value)
            ? Finish(trialNumber, new TrialCompletion(TrialState.Complete, value, _clock.GetUtcNow(), metrics))
            : Fail(trialNumber, $"the objective returned {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", metrics);

    /// <summary>Records that the configuration could not be evaluated; it counts as evaluated and is not retried.</summary>
    public TrialRecord Fail(int trialNumber, string reason, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Finish(trialNumber, new TrialCompletion(TrialState.Failed, null, _clock.GetUtcNow(), metrics,
            [new(TrialAttributeKeys.FailReason, reason)]));
    }

    /// <summary>Records a trial the pruner stopped after <paramref name="epoch"/>, with its last value.</summary>
    public TrialRecord Prune(int trialNumber, double? lastValue, int epoch, IReadOnlyDictionary<string, double>? metrics = null,
        IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        var value = lastValue is { } v && double.IsFinite(v) ? lastValue : null;
        IEnumerable<KeyValuePair<string, string>> all =
            [new(Pruners.IntermediateValues.PrunedAtKey, epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. attributes ?? []];
        return Finish(trialNumber, new TrialCompletion(TrialState.Pruned, value, _clock.GetUtcNow(), metrics, all));
    }

    /// <summary>Records what an objective reported (a value, a failure or a pruned stop), with extra attributes.</summary>
    public TrialRecord Finish(int trialNumber, TrialOutcome outcome, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        List<KeyValuePair<string, string>> extra = [.. outcome.Attributes, .. attributes ?? []];
        if (outcome.WasPruned)
        {
            return Prune(trialNumber, outcome.Value, outcome.PrunedAtEpoch!.Value, outcome.Metrics, extra);
        }

        if (outcome.Succeeded && double.IsFinite(outcome.Value!.Value))
        {
            return Finish(trialNumber, new TrialCompletion(TrialState.Complete, outcome.Value, _clock.GetUtcNow(), outcome.Metrics, extra));
        }

        var reason = outcome.FailureReason
            ?? $"the objective returned {outcome.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return Finish(trialNumber, new TrialCompletion(TrialState.Failed, null, _clock.GetUtcNow(), outcome.Metrics,
            [new(TrialAttributeKeys.FailReason, reason), .. extra]));
    }

    /// <summary>Records that the trial stopped before it finished (its process was stopped): its
    /// configuration will be evaluated again by the next <see cref="Ask()"/>.</summary>
    public TrialRecord Interrupt(int trialNumber) =>
        Finish(trialNumber, new TrialCompletion(TrialState.Failed, null, _clock.GetUtcNow(), null,
            [new(TrialAttributeKeys.FailReason, TrialAttributeKeys.InterruptedReason)]));

    /// <summary>Marks every Running trial as interrupted. Call it only when no one else runs this study's
    /// trials: a Running trial then belongs to a process that died.</summary>
    public IReadOnlyList<TrialRecord> RecoverInterrupted() =>
        [.. Trials.Where(t => t.State == TrialState.Running).Select(t => Interrupt(t.Number))];

    /// <summary>Marks as interrupted the Running trials that have neither a worker nor a grace period: those
    /// were left by a gantuner from before heartbeats (or an ask without --heartbeat), whose runner took
    /// over a study's Running trials when it resumed it. Trials with a heartbeat are judged by it instead.</summary>
    public IReadOnlyList<TrialRecord> RecoverUnleased() =>
        [.. Trials.Where(t => t.State == TrialState.Running && t.Worker is null && t.StaleAfter is null).Select(t => Interrupt(t.Number))];

    internal static TrialRecord? BestOf(IEnumerable<TrialRecord> trials) =>
        trials.Where(t => t.State == TrialState.Complete && t.Value is not null).MinBy(t => t.Value);

    // The tuner learns of the result on the next Ask, which replays everything it has not seen yet.
    private TrialRecord Finish(int trialNumber, TrialCompletion completion) =>
        _store.FinishTrial(Name, trialNumber, completion);

    /// <summary>Brings the tuner up to date with the store; returns the trials it read.</summary>
    private IReadOnlyList<TrialRecord> Replay()
    {
        var trials = _store.GetTrials(Name);
        _tuner ??= NewTuner(trials);
        var finished = trials.Where(t => t.FinishOrder is not null).OrderBy(t => t.FinishOrder).ToList();
        for (; _replayedTrials < trials.Count; _replayedTrials++)
        {
            var trial = trials[_replayedTrials];
            TellUpTo(finished, trial.FinishedBefore);
            // A tuner whose replay needs no Asks is handed every running trial as pending by Propose. An Ask here
            // would cost a model fit per running trial and, asked without the points that were pending when the
            // trial was first asked, could remember as running a point that no one runs.
            if (trial.RetryOf is null && _tuner!.ReplayNeedsAsks)
            {
                _tuner!.Ask();
            }
        }

        TellUpTo(finished, finished.Count);
        return trials;
    }

    private void TellUpTo(List<TrialRecord> finished, int count)
    {
        for (; _replayedFinishes < count; _replayedFinishes++)
        {
            var trial = finished[_replayedFinishes];
            if (!trial.IsInterrupted)
            {
                var value = trial.State == TrialState.Failed ? null : trial.Value;
                _tuner!.Tell(new Observation([.. trial.Point], value));
            }
        }
    }

    private List<TrialRecord> FailStale(IReadOnlyList<TrialRecord> trials)
    {
        var now = _clock.GetUtcNow();
        var failed = new List<TrialRecord>();
        foreach (var trial in trials.Where(t => t.IsStaleAt(now)))
        {
            var completion = new TrialCompletion(TrialState.Failed, null, now, null,
                [new(TrialAttributeKeys.FailReason, TrialAttributeKeys.InterruptedReason),
                 new(TrialAttributeKeys.InterruptedCause, TrialAttributeKeys.StaleCause)]);
            if (_store.TryFinishStale(Name, trial.Number, completion) is { } record)
            {
                failed.Add(record);
            }
        }

        return failed;
    }

    // Running trials count as claimed: each ends evaluated, or interrupted and then replaced by its retry.
    private static int Claimed(IReadOnlyList<TrialRecord> trials) => trials.Count(t => !t.IsInterrupted);

    private TrialDraft Propose(IReadOnlyList<TrialRecord> trials, AskOptions options)
    {
        List<double[]> pending = [.. trials.Where(t => t.State == TrialState.Running).Select(t => t.Point.ToArray())];
        var proposal = pending.Count == 0 ? _tuner!.Ask() : _tuner!.Ask(pending);
        if (proposal.Point.Length != Space.Dimensions || !proposal.Point.All(double.IsFinite))
        {
            throw new InvalidOperationException(
                $"The tuner '{TunerName}' proposed a point with {proposal.Point.Length} coordinates or a non-finite one.");
        }

        double[] point = [.. proposal.Point.Select(x => Math.Clamp(x, 0.0, 1.0))];
        return new TrialDraft(StoredParameters.From(Space.Decode(point)), point, _clock.GetUtcNow(), proposal.Attributes,
            options.Worker, options.StaleAfter);
    }

    private TrialDraft RetryOf(TrialRecord interrupted, AskOptions options)
    {
        var attributes = interrupted.Attributes
            .Where(a => a.Key is not (TrialAttributeKeys.FailReason or TrialAttributeKeys.RetryOf or TrialAttributeKeys.InterruptedCause))
            .Append(new(TrialAttributeKeys.RetryOf, interrupted.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new TrialDraft(interrupted.Parameters, interrupted.Point, _clock.GetUtcNow(), attributes, options.Worker, options.StaleAfter);
    }

    private static TrialRecord? AwaitingRetry(IReadOnlyList<TrialRecord> trials)
    {
        var retried = trials.Select(t => t.RetryOf).OfType<int>().ToHashSet();
        return trials.FirstOrDefault(t => t.IsInterrupted && !retried.Contains(t.Number));
    }

    private TrialHandle Handle(TrialRecord trial) =>
        new(trial.Number, Space.Decode([.. trial.Point]), trial.Point, trial.Attributes, trial.RetryOf);

    // A study stored by an older version may need the tuner its name meant then (see LegacyTunerNames).
    private ITuner NewTuner(IReadOnlyList<TrialRecord> trials) =>
        TunerFactory.Create(LegacyTunerNames.Resolve(TunerName, trials.Select(t => t.Attributes)), Space, Seed, Options);

    private static void RequireSameDefinition(StudyRecord stored, StudyRecord wanted, TunerOptions options)
    {
        var differences = new List<string>();
        if (stored.TunerName != wanted.TunerName)
        {
            differences.Add($"tuner '{stored.TunerName}', not '{wanted.TunerName}'");
        }

        if (stored.Seed != wanted.Seed)
        {
            differences.Add($"seed {stored.Seed}, not {wanted.Seed}");
        }

        if (!TunerOptions.FromJson(stored.TunerOptionsJson).Equals(options))
        {
            differences.Add($"tuner options '{TunerOptions.FromJson(stored.TunerOptionsJson)}', not '{options}'");
        }

        if (stored.SearchSpaceJson != wanted.SearchSpaceJson)
        {
            differences.Add("another search space");
        }

        if (differences.Count > 0)
        {
            throw new StudyException(
                $"study '{stored.Name}' already exists with {string.Join(", ", differences)}; use another --study name or the stored settings");
        }
    }
}
