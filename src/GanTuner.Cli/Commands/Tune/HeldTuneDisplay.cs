using GanTuner.Cli.Testing;
using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>A display that lets the test hook <see cref="TrialHold"/> hold a trial as it starts.</summary>
internal sealed class HeldTuneDisplay(ITuneDisplay inner, TrialHold hold) : ITuneDisplay
{
    public void Run(Action study) => inner.Run(study);

    public void TrialStarted(TrialRecord trial, TrialConfig config)
    {
        inner.TrialStarted(trial, config);
        hold.TrialStarting();
    }

    public void TrialFinished(TrialRecord trial, bool isBest) => inner.TrialFinished(trial, isBest);

    public void Report(TrialProgress value) => inner.Report(value);
}
