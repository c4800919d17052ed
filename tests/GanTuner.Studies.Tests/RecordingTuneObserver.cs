using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Tune;

namespace GanTuner.Studies.Tests;

/// <summary>An observer that remembers what it was told, and can cancel the run as a trial starts (as Ctrl+C would,
/// but at a known moment).</summary>
internal sealed class RecordingTuneObserver(CancellationTokenSource? cancelAtStart = null) : ITuneObserver
{
    public List<string> Calls { get; } = [];

    public TuneStart? Start { get; private set; }

    public List<TrialRecord> Finished { get; } = [];

    public void Started(TuneStart start)
    {
        Start = start;
        Calls.Add("started");
    }

    public void Run(Action trials)
    {
        Calls.Add("run");
        trials();
    }

    public void TrialStarted(TrialRecord trial, TrialConfig config)
    {
        Calls.Add("trial " + trial.Number);
        cancelAtStart?.Cancel();
    }

    public void Report(TrialProgress value)
    {
    }

    public void TrialFinished(TrialRecord trial, bool isBest) => Finished.Add(trial);

    public void Evaluated(IReadOnlyList<TrialRecord> trials, TrialRecord? best) => Calls.Add("evaluated");

    public void Retraining(TrialRecord best) => Calls.Add("retraining " + best.Number);
}
