using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Studies.Compare;

/// <summary>What <see cref="TuneObjective"/> reports about one run's trials, passed on to the comparison's observer
/// with the run it belongs to: compare trains a trial exactly as tune does, through the same objective.</summary>
internal sealed class CompareTrialObserver(ICompareObserver observer, ComparisonRun run) : ITrialObserver
{
    public void TrialStarted(TrialRecord trial, TrialConfig config) => observer.TrialStarted(run, trial, config);

    public void Report(TrialProgress value) => observer.Progress(run, value);
}
