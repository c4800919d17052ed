using System.Diagnostics;
using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>The terminal display: an overall bar over the study's iterations, a bar for the running trial
/// (epochs, current loss, elapsed and remaining time) and a table row above them for every finished trial.</summary>
internal sealed class LiveTuneDisplay(IAnsiConsole console, int budget, int evaluated, string objective) : ITuneDisplay
{
    // The trial reports after every batch; redrawing its text that often would cost more than the batch.
    private static readonly TimeSpan DescriptionInterval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _sinceDescription = new();
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private ProgressTask? _trial;
    private string _trialName = string.Empty;
    private int _done = evaluated;

    public void Run(Action study) =>
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
                _overall = context.AddTask(OverallText(), new ProgressTaskSettings { AutoStart = false, MaxValue = budget });
                _overall.Value = Math.Min(_done, budget);
                _overall.StartTask();
                study();
            });

    public void TrialStarted(TrialRecord trial, TrialConfig config)
    {
        _trialName = $"trial {TrialRow.Iteration(trial)}";
        _trial = _context!.AddTask(Markup.Escape(_trialName + ": starting"), maxValue: config.Epochs);
        _sinceDescription.Restart();
    }

    public void Report(TrialProgress value)
    {
        if (_trial is null)
        {
            return;
        }

        _trial.Value = value.Epoch - 1 + ((double)value.Batch / value.Batches);
        if (value.EpochFinished || _sinceDescription.Elapsed >= DescriptionInterval)
        {
            _sinceDescription.Restart();
            _trial.Description = Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{_trialName}: epoch {value.Epoch}/{value.Epochs}, loss {NumberFormat.Value(value.MeanTrainLoss)}"));
        }
    }

    public void TrialFinished(TrialRecord trial, bool isBest)
    {
        _trial?.StopTask();
        _trial = null;
        if (trial.IsInterrupted)
        {
            return;
        }

        _done++;
        _overall!.Value = Math.Min(_done, budget);
        _overall.Description = OverallText();
        var line = Markup.Escape(TrialRow.Format(trial, isBest));
        console.MarkupLine(isBest ? $"[green]{line}[/]" : trial.State == TrialState.Failed ? $"[red]{line}[/]" : line);
    }

    private string OverallText() =>
        string.Create(CultureInfo.InvariantCulture, $"evaluated {Math.Min(_done, budget)}/{budget} trials ({objective})");
}
