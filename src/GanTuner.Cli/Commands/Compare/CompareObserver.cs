using System.Globalization;
using GanTuner.Cli.Testing;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Compare;
using GanTuner.Tuning.Comparison;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Compare;

/// <summary>What <c>compare</c> prints while it runs: what is compared (stdout), how much was already stored
/// (stderr, so stdout is the same whether the studies ran now or were read back), and the progress display.</summary>
internal sealed class CompareObserver(IAnsiConsole console, bool plain, bool isLstm, TrialHold hold) : ICompareObserver
{
    private HeldCompareDisplay? _display;

    public void Started(CompareStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var (objective, plan) = (start.Objective, start.Plan);
        foreach (var line in objective.Describe(plan))
        {
            console.WriteLine(line);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{start.Done} of {plan.TotalTrials} trials already in {start.StorageLabel}; studies compare/{plan.ObjectiveName}/<tuner>/seed-<n>"));
        ICompareDisplay display = plain
            ? new PlainCompareDisplay(Console.Error, plan.TotalTrials, start.Done, objective.ValueName, everyTrial: isLstm)
            : new LiveCompareDisplay(console, plan.TotalTrials, start.Done, objective.ValueName, showTrials: isLstm);
        _display = new HeldCompareDisplay(display, hold);
    }

    public void Run(Action comparison) => _display!.Run(comparison);

    public void TrialStarted(ComparisonRun run, TrialRecord trial, TrialConfig config) => _display!.TrialStarted(run, trial, config);

    public void Progress(ComparisonRun run, TrialProgress progress) => _display!.Progress(run, progress);

    public void TrialFinished(ComparisonRun run, TrialRecord trial) => _display!.TrialFinished(run, trial);
}
