namespace GanTuner.Storage;

/// <summary>A store in memory, for tests and for runs whose results need not outlive the process.</summary>
/// <remarks>One lock guards everything: the records are immutable, so a snapshot is a copy of a list.</remarks>
public sealed class InMemoryStudyStore : IStudyStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, Entry> _studies = new(StringComparer.Ordinal);

    /// <summary>Nothing to release: the studies live as long as the object.</summary>
    public void Dispose()
    {
    }

    public bool TryCreateStudy(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        lock (_gate)
        {
            return _studies.TryAdd(study.Name, new Entry(study));
        }
    }

    public StudyRecord? FindStudy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _studies.TryGetValue(name, out var entry) ? entry.Study : null;
        }
    }

    public IReadOnlyList<StudyRecord> ListStudies()
    {
        lock (_gate)
        {
            return [.. _studies.Values.Select(e => e.Study)];
        }
    }

    public IReadOnlyList<TrialRecord> GetTrials(string studyName)
    {
        lock (_gate)
        {
            return [.. Get(studyName).Trials];
        }
    }

    public TrialRecord? TryCreateTrial(string studyName, TrialDraft draft, StudyProgress expected)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var entry = Get(studyName);
            if (new StudyProgress(entry.Trials.Count, entry.Finished) != expected)
            {
                return null;
            }

            var trial = new TrialRecord(entry.Trials.Count, TrialState.Running, draft, entry.Finished);
            entry.Trials.Add(trial);
            return trial;
        }
    }

    public TrialRecord FinishTrial(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_gate)
        {
            var entry = Get(studyName);
            var trial = TrialOf(entry, studyName, trialNumber);
            if (trial.State != TrialState.Running)
            {
                throw new StudyStoreException(
                    $"trial {trialNumber} of study '{studyName}' is already {trial.State.ToString().ToLowerInvariant()}");
            }

            entry.Finished++;
            var finished = trial.Finish(completion, entry.Finished);
            entry.Trials[trialNumber] = finished;
            return finished;
        }
    }

    public bool Heartbeat(string studyName, int trialNumber, DateTimeOffset at) =>
        UpdateRunning(studyName, trialNumber, trial => trial.Beat(at));

    public bool SetRunningAttributes(string studyName, int trialNumber, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return UpdateRunning(studyName, trialNumber, trial => trial.WithAttributes(attributes));
    }

    private bool UpdateRunning(string studyName, int trialNumber, Func<TrialRecord, TrialRecord> update)
    {
        lock (_gate)
        {
            var entry = Get(studyName);
            var trial = TrialOf(entry, studyName, trialNumber);
            if (trial.State != TrialState.Running)
            {
                return false;
            }

            entry.Trials[trialNumber] = update(trial);
            return true;
        }
    }

    public TrialRecord? TryFinishStale(string studyName, int trialNumber, TrialCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_gate)
        {
            var entry = Get(studyName);
            return TrialOf(entry, studyName, trialNumber).IsStaleAt(completion.FinishedAt)
                ? FinishTrial(studyName, trialNumber, completion)
                : null;
        }
    }

    private static TrialRecord TrialOf(Entry entry, string studyName, int trialNumber) =>
        trialNumber >= 0 && trialNumber < entry.Trials.Count
            ? entry.Trials[trialNumber]
            : throw new StudyStoreException($"study '{studyName}' has no trial {trialNumber}");

    private Entry Get(string studyName)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        return _studies.TryGetValue(studyName, out var entry)
            ? entry
            : throw new StudyStoreException($"no study named '{studyName}'");
    }

    private sealed class Entry(StudyRecord study)
    {
        public StudyRecord Study { get; } = study;

        public List<TrialRecord> Trials { get; } = [];

        public int Finished { get; set; }
    }
}
