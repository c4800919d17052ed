using GanTuner.Cli.Commands.Tune;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>What <see cref="TuneObjective"/> reports about one run's trials, passed on to the comparison's display
/// with the run it belongs to: compare trains a trial exactly as <c>tune</c> does, through the same objective.</summary>
internal sealed class CompareTrialDisplay(ICompareDisplay display, ComparisonRun run) : ITuneDisplay
{
    public void Run(Action study) => study();

    public void TrialStarted(TrialRecord trial, TrialConfig config) => display.TrialStarted(run, trial, config);

    public void TrialFinished(TrialRecord trial, bool isBest) => display.TrialFinished(run, trial);

    public void Report(TrialProgress value) => display.Progress(run, value);
}
