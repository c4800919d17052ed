using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Studies.Compare;

/// <summary>How a front end shows a running comparison. <see cref="Started"/> and <see cref="Run"/> are called on
/// the caller's thread; the others from the threads that run the studies, several at once.</summary>
public interface ICompareObserver
{
    /// <summary>The objective is ready and the store open; nothing has run yet.</summary>
    void Started(CompareStart start);

    /// <summary>Runs the comparison inside the display (a live display lasts exactly as long as <paramref name="comparison"/>).</summary>
    void Run(Action comparison);

    /// <summary>An LSTM trial of <paramref name="run"/> starts training.</summary>
    void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config);

    /// <summary>The running LSTM trial of <paramref name="run"/> finished a batch.</summary>
    void Progress(ComparisonRun run, TrialProgress progress);

    /// <summary>A trial of <paramref name="run"/> finished (an interrupted one included).</summary>
    void TrialFinished(ComparisonRun run, TrialRecord trial);
}
