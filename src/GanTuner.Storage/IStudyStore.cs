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
/// <item><b>Ownership of a running trial.</b> A Running trial belongs to whoever created it: only that
/// owner should finish it. The store keeps no heartbeat and does not judge liveness: when an owner dies,
/// its trial stays Running until the study layer decides it was interrupted (a runner resuming a study
/// owns that study exclusively while it runs) and finishes it as Failed.</item>
/// <item><b>Finishing.</b> <see cref="FinishTrial"/> moves a Running trial to Complete, Failed or Pruned
/// exactly once; finishing a finished trial throws <see cref="StudyStoreException"/>, so of two would-be
/// owners only one can finish a trial. A finished trial's record never changes again.</item>
/// <item><b>Order.</b> The store stamps each trial with <see cref="TrialRecord.FinishedBefore"/> at creation
/// and <see cref="TrialRecord.FinishOrder"/> when it finishes, so readers can rebuild the exact interleaving
/// of creations and completions (a tuner replay needs it).</item>
/// <item><b>After a crash.</b> Every committed write survives (completed trials are never lost); a write
/// in flight is absent entirely; trials that were Running stay Running.</item>
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
}
