namespace GanTuner.Storage;

/// <summary>How far a study has got: trials created and trials finished. Both only grow, so two equal
/// progress values mean nothing was written in between (the basis of optimistic trial creation).</summary>
public readonly record struct StudyProgress(int Trials, int Finished)
{
    /// <summary>The progress that a list of a study's trials (as <see cref="IStudyStore.GetTrials"/> returns it) shows.</summary>
    public static StudyProgress Of(IReadOnlyCollection<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return new StudyProgress(trials.Count, trials.Count(t => t.State != TrialState.Running));
    }
}
