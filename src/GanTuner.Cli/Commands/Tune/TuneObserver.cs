using System.Globalization;
using GanTuner.Cli.Testing;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using Spectre.Console;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>What <c>tune</c> prints while the study runs: the header, the trials through a live or plain display,
/// then the paper's Appendix B and the best configuration beside the naive forecast.</summary>
internal sealed class TuneObserver(IAnsiConsole console, bool plain, TuneSettings settings, TrialHold hold) : ITuneObserver
{
    private HeldTuneDisplay? _display;
    private TuneRun? _run;

    public void Started(TuneStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _run = start.Run;
        WriteHeader(start);
        ITuneDisplay display = plain
            ? new PlainTuneDisplay(console, start.Budget, start.Evaluated, start.Run.ObjectiveName)
            : new LiveTuneDisplay(console, start.Budget, start.Evaluated, start.Run.ObjectiveName);
        _display = new HeldTuneDisplay(display, hold);
    }

    public void Run(Action trials)
    {
        console.WriteLine(TrialRow.Header(_run!.ObjectiveName));
        _display!.Run(trials);
    }

    public void TrialStarted(TrialRecord trial, TrialConfig config) => _display!.TrialStarted(trial, config);

    public void Report(TrialProgress value) => _display!.Report(value);

    public void TrialFinished(TrialRecord trial, bool isBest) => _display!.TrialFinished(trial, isBest);

    public void Evaluated(IReadOnlyList<TrialRecord> trials, TrialRecord? best)
    {
        var run = _run!;
        var objectiveIsTest = settings.Training.Protocol.ObjectiveSplit() == SplitKind.Test;
        console.WriteLine();
        console.Write(TuneTables.AppendixB(trials, best, run.Measure));
        if (best is null)
        {
            return;
        }

        var config = run.Config(best.Parameters);
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"best: iteration {TrialRow.Iteration(best)}, {run.ObjectiveName} {NumberFormat.Value(best.Value!.Value)}: layers {config.Layers}, units {config.Units}, learning rate {NumberFormat.Parameter(config.LearningRate)}, batch size {config.BatchSize}, sequence length {config.SequenceLength}, dropout {NumberFormat.Parameter(config.Dropout)}")));
        console.Write(TuneTables.Best(best, objectiveIsTest));
        if (TuneTables.Folds(best) is { } folds)
        {
            console.Write(folds);
        }

        foreach (var verdict in TuneTables.Verdicts(best, objectiveIsTest))
        {
            console.MarkupLine(verdict);
        }
    }

    public void Retraining(TrialRecord best) =>
        console.WriteLine($"retraining iteration {TrialRow.Iteration(best)} with the study's seed: its model was not kept in {_run!.OutDirectory}");

    private void WriteHeader(TuneStart start)
    {
        var (run, series) = (start.Run, start.Data.Series);
        var state = start.IsNew ? "new study"
            : string.Create(CultureInfo.InvariantCulture, $"resuming: {start.Evaluated} of {start.Budget} iterations evaluated");
        console.MarkupLine($"[bold]tune[/] {Markup.Escape(run.StudyName)} ({Markup.Escape(state)})");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  data: {start.Data.Label}: {series.Count:N0} rows, {series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}, {run.Attributes[StudyAttributeKeys.Column]}, target {settings.Training.Target.Name()}"));
        console.WriteLine($"  protocol: {settings.Training.Protocol.Describe()}{(settings.Training.FoldsDescription is { } folds ? $" (folds: {folds})" : string.Empty)}");
        console.WriteLine($"  scaling: {settings.Training.Scaling.Name()}; inputs: {settings.Training.Features.Name()}; early stopping: {settings.Training.EarlyStoppingDescription}");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  tuner {settings.Tuner}, seed {settings.Seed}, epochs per trial {settings.Epochs}, objective {run.ObjectiveName}; study in {settings.Storage}, files in {run.OutDirectory}"));
        if (settings.Training.Protocol == Protocol.PaperShuffled)
        {
            console.MarkupLine("[yellow]paper-shuffled is LEAKY: training windows come from after test days; the errors reproduce the paper's, they are not a fair forecast.[/]");
        }

        if (start.Stale > 0)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {start.Stale} trial(s) were left running by a stopped process: recorded as interrupted, their configurations run again first."));
        }

        if (start.WorkerPlan is { } plan)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  workers: {plan.Workers} trial(s) at once, {plan.ThreadsPerTrial} thread(s) each (cost model: {plan.Speedup:0.00}x one thread's throughput; one trial on every core: {plan.OneWorkerSpeedup:0.00}x)"));
        }

        if (start.OtherWorkers > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {start.OtherWorkers} trial(s) are running in other workers on this study."));
        }
    }
}
