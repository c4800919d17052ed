using System.Globalization;
using GanTuner.Forecasting;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>The display for logs and pipes: one line when a trial starts, one per epoch, and the trial's table
/// row when it ends; nothing is redrawn and no escape codes are written.</summary>
internal sealed class PlainTuneDisplay(IAnsiConsole console, int budget, int evaluated, string objective) : ITuneDisplay
{
    private string _trialName = string.Empty;
    private int _evaluated = evaluated;

    public void Run(Action study) => study();

    public void TrialStarted(TrialRecord trial, TrialConfig config)
    {
        _trialName = "trial " + TrialRow.Iteration(trial);
        var retry = trial.RetryOf is { } r ? $" (retry of interrupted trial {(r + 1).ToString(CultureInfo.InvariantCulture)})" : "";
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {_trialName} (evaluation {_evaluated + 1} of {budget}){retry}: layers {config.Layers}, units {config.Units}, learning_rate {NumberFormat.Parameter(config.LearningRate)}, batch {config.BatchSize}, seq {config.SequenceLength}, dropout {NumberFormat.Parameter(config.Dropout)}"));
    }

    public void Report(TrialProgress value)
    {
        if (value.EpochFinished)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {_trialName} epoch {value.Epoch}/{value.Epochs}: train loss {NumberFormat.Value(value.MeanTrainLoss)}, {objective} {NumberFormat.Value(value.Objective)}"));
        }
    }

    public void TrialFinished(TrialRecord trial, bool isBest)
    {
        if (!trial.IsInterrupted)
        {
            _evaluated++;
            console.WriteLine(TrialRow.Format(trial, isBest));
        }
    }
}
