using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>The terminal display: a bar over all the comparison's trials, a bar for each LSTM trial training now
/// (its run, epoch and loss), and a line above them for every finished LSTM trial.</summary>
internal sealed class LiveCompareDisplay(IAnsiConsole console, int total, int done, string valueName, bool showTrials) : ICompareDisplay
{
    // Spectre's tasks are thread-safe; adding, removing and writing lines from several studies at once is kept in order here.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressTask> _trials = new(StringComparer.Ordinal);
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private int _done = done;

    public void Run(Action comparison) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                _overall = context.AddTask(OverallText(), new ProgressTaskSettings { AutoStart = false, MaxValue = total });
                _overall.Value = _done;
                _overall.StartTask();
                comparison();
            });

    public void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config)
    {
        lock (_gate)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{run.Tuner} seed {run.Seed} trial {trial.Number + 1}");
            _trials[run.StudyName] = _context!.AddTask(Markup.Escape(name), maxValue: config.Epochs);
        }
    }

    public void Progress(ComparisonRun run, TrialProgress progress)
    {
        ProgressTask? task;
        lock (_gate)
        {
            task = _trials.GetValueOrDefault(run.StudyName);
        }

        task?.Value = progress.Epoch - 1 + ((double)progress.Batch / progress.Batches);
    }

    public void TrialFinished(ComparisonRun run, TrialRecord trial)
    {
        lock (_gate)
        {
            if (_trials.Remove(run.StudyName, out var task))
            {
                task.StopTask();
            }

            if (trial.IsInterrupted)
            {
                return;
            }

            _done++;
            _overall!.Value = _done;
            _overall.Description = OverallText();
            if (showTrials)
            {
                console.WriteLine(CompareTrialLine.Format(run, trial, valueName, _done, total));
            }
        }
    }

    private string OverallText() => string.Create(CultureInfo.InvariantCulture, $"evaluated {_done}/{total} trials");
}
