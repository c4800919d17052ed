using GanTuner.Storage;

namespace GanTuner.Studies.Tune;

/// <summary>How a front end shows a running <see cref="LstmTuning"/>: every member is called on the thread that runs
/// the study, in this order: <see cref="Started"/>, <see cref="Run"/> (only when trials remain) wrapping the
/// trials, <see cref="Evaluated"/>, then <see cref="Retraining"/> if the best model must be trained again.</summary>
public interface ITuneObserver : ITrialObserver
{
    /// <summary>The study is open and its data read; no trial has run yet.</summary>
    void Started(TuneStart start);

    /// <summary>Runs the trials inside the front end's display (a live display lasts exactly as long as <paramref name="trials"/>).</summary>
    void Run(Action trials);

    /// <param name="trial">The finished trial as stored.</param>
    /// <param name="isBest">Whether it is now the study's best.</param>
    void TrialFinished(TrialRecord trial, bool isBest);

    /// <summary>The budget is spent: every trial, and the best one (null when none completed).</summary>
    void Evaluated(IReadOnlyList<TrialRecord> trials, TrialRecord? best);

    /// <summary>The best trial's model was not kept, so it is trained again (that takes a trial's time).</summary>
    void Retraining(TrialRecord best);
}
