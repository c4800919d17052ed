namespace GanTuner.Storage;

/// <summary>Keeps studies and their trials. Knows nothing of tuners, search spaces or models.</summary>
/// <remarks>
/// <para>The contract every store keeps (one test suite, <c>StudyStoreContract</c>, checks each store):</para>
/// <list type="bullet">
/// <item><b>Thread safety.</b> Every member may be called from any thread at any time; a store backed by a
/// file may also be shared by several processes. Different studies never interfere.</item>
/// <item><b>Atomicity.</b> Each member is one atomic step: a write happens entirely or not at all, and a
/// read sees a study as it was between two writes (<see cref="GetTrials"/> is one consistent snapshot).</item>
/// <item><b>Studies.</b> <see cref="TryCreateStudy"/> is a compare-and-set on the name: of several
/// concurrent creators exactly one wins. A study's definition never changes afterwards.</item>
/// <item><b>Trial numbers.</b> 0, 1, 2… per study, in creation order, never reused or skipped.</item>
/// <item><b>Optimistic creation.</b> <see cref="TryCreateTrial"/> succeeds only while the study's
/// <see cref="StudyProgress"/> still equals the one the caller read, so a caller that decided what to
/// create from what it read (a tuner) learns when another writer came in between, and can decide again.</item>
/// <item><b>Running trials and heartbeats.</b> A trial created with a grace period
/// (<see cref="TrialDraft.StaleAfter"/>) is kept alive by its worker, which renews its heartbeat
/// (<see cref="Heartbeat"/>) well within that period. Once the last heartbeat is older than the grace
/// period the trial is stale, and any worker may fail it (<see cref="TryFinishStale"/>): the check and the
/// finish are one atomic step, so a heartbeat that lands first keeps the trial alive, and a live trial of
/// another worker is never touched. Times are the callers' clocks (keep the machines' clocks in sync);
/// the store only compares them. A trial created without a grace period never goes stale: only an
/// explicit finish ends it (an ask/tell trial asked without a heartbeat).</item>
/// <item><b>Budget.</b> The store has no notion of a budget: the study layer claims one by deciding from
/// a snapshot whether one more trial fits, and creating it with <see cref="TryCreateTrial"/> against that
/// snapshot's progress; since creation fails when anything was created or finished in between, two
/// workers can never both claim the last slot.</item>
/// <item><b>Finishing.</b> <see cref="FinishTrial"/> moves a Running trial to Complete, Failed or Pruned
/// exactly once; finishing a finished trial throws <see cref="StudyStoreException"/>, so of two would-be
/// owners only one can finish a trial. A finished trial's record never changes again.</item>
/// <item><b>Order.</b> The store stamps each trial with <see cref="TrialRecord.FinishedBefore"/> at creation
/// and <see cref="TrialRecord.FinishOrder"/> when it finishes, so readers can rebuild the exact interleaving
/// of creations and completions (a tuner replay needs it).</item>
/// <item><b>After a crash.</b> Every committed write survives (completed trials are never lost); a write
/// in flight is absent entirely; trials that were Running stay Running (and go stale if they had a grace
/// period). A store that reaches its database over a network retries a lost connection for a while and
/// then throws <see cref="StudyStoreException"/>; each member still happens entirely or not at all.</item>
/// </list>
/// </remarks>
public interface IStudyStore : IDisposable
{
    /// <summary>Creates the study unless one of that name exists; returns whether this call created it.</summary>
    bool TryCreateStudy(StudyRecord study);

    /// <summary>The study of that name, or null.</summary>
    StudyRecord? FindStudy(string name);

    /// <summary>All studies, by name (ordinal).</summary>
    IReadOnlyList<StudyRecord> ListStudies();

    /// <summary>All trials of the study in number order. Throws <see cref="StudyStoreException"/> for an unknown study.</summary>
    IReadOnlyList<TrialRecord> GetTrials(string studyName);

    /// <summary>Creates trial number <c>expected.Trials</c> as Running, provided the study's progress still
    /// equals <paramref name="expected"/>; otherwise creates nothing and returns null.</summary>
    TrialRecord? TryCreateTrial(string studyName, TrialDraft draft, StudyProgress expected);

    /// <summary>Finishes a Running trial and returns its final record. Throws <see cref="StudyStoreException"/>
    /// for an unknown study or trial, or a trial that is not Running.</summary>
    TrialRecord FinishTrial(string studyName, int trialNumber, TrialCompletion completion);

    /// <summary>Renews the heartbeat of a Running trial; returns false when the trial is no longer Running
    /// (it finished, or was failed as stale: its worker should stop). Throws <see cref="StudyStoreException"/>
    /// for an unknown study or trial.</summary>
    bool Heartbeat(string studyName, int trialNumber, DateTimeOffset at);

    /// <summary>Sets (adds or replaces) attributes of a Running trial, such as its training progress that a
    /// watcher shows; returns false, changing nothing, when the trial is no longer Running. Throws
    /// <see cref="StudyStoreException"/> for an unknown study or trial.</summary>
    bool SetRunningAttributes(string studyName, int trialNumber, IReadOnlyDictionary<string, string> attributes);

    /// <summary>Finishes the trial with <paramref name="completion"/> only if it is Running and stale at
    /// <see cref="TrialCompletion.FinishedAt"/> (see <see cref="TrialRecord.IsStaleAt"/>); returns the final
    /// record, or null when it was not (any more) stale or Running. Throws <see cref="StudyStoreException"/>
    /// for an unknown study or trial.</summary>
    TrialRecord? TryFinishStale(string studyName, int trialNumber, TrialCompletion completion);
}
