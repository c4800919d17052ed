using GanTuner.Cli.Testing;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>A display that lets the test hook <see cref="TrialHold"/> hold a trial as it starts.</summary>
internal sealed class HeldCompareDisplay(ICompareDisplay inner, TrialHold hold) : ICompareDisplay
{
    public void Run(Action comparison) => inner.Run(comparison);

    public void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config)
    {
        inner.TrialStarted(run, trial, config);
        hold.TrialStarting();
    }

    public void Progress(ComparisonRun run, TrialProgress progress) => inner.Progress(run, progress);

    public void TrialFinished(ComparisonRun run, TrialRecord trial) => inner.TrialFinished(run, trial);
}
