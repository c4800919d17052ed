using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>How a running comparison shows itself: a live progress bar on a terminal, plain lines otherwise.
/// Members other than <see cref="Run"/> are called from the threads that run the studies, several at once.</summary>
internal interface ICompareDisplay
{
    /// <summary>Runs the comparison inside the display (a live display lasts exactly as long as <paramref name="comparison"/>).</summary>
    void Run(Action comparison);

    /// <summary>An LSTM trial of <paramref name="run"/> starts training.</summary>
    void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config);

    /// <summary>The running LSTM trial of <paramref name="run"/> finished a batch.</summary>
    void Progress(ComparisonRun run, TrialProgress progress);

    /// <summary>A trial of <paramref name="run"/> finished (an interrupted one included).</summary>
    void TrialFinished(ComparisonRun run, TrialRecord trial);
}
