using System.Diagnostics;
using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>The display for logs and pipes, written to stderr so stdout holds only the results: a line per
/// finished trial when trials are expensive (the LSTM: the log is the record of a long run), otherwise a line
/// with the count of evaluated trials every few seconds and at the end.</summary>
internal sealed class PlainCompareDisplay(TextWriter writer, int total, int done, string valueName, bool everyTrial) : ICompareDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private int _done = done;

    public void Run(Action comparison) => comparison();

    // A log gets finished trials only: a line per batch or per start would bury the results.
    public void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config)
    {
    }

    public void Progress(ComparisonRun run, TrialProgress progress)
    {
    }

    public void TrialFinished(ComparisonRun run, TrialRecord trial)
    {
        if (trial.IsInterrupted)
        {
            return;
        }

        lock (_gate)
        {
            _done++;
            if (everyTrial)
            {
                writer.WriteLine(CompareTrialLine.Format(run, trial, valueName, _done, total));
            }
            else if (_sinceLine.Elapsed >= Interval || _done == total)
            {
                _sinceLine.Restart();
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluated {_done} of {total} trials"));
            }
        }
    }
}
