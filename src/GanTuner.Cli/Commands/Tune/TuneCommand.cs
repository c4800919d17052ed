using System.Globalization;
using GanTuner.Cli.Testing;
using GanTuner.Reporting;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Tune;

/// <summary>
/// <c>gantuner tune</c>: a whole study end to end. Runs trials until the study holds <c>--iterations</c>
/// evaluated ones (a resumed study runs only what is missing, an interrupted configuration first), shows
/// progress, then prints the paper's Appendix B and the best configuration beside the naive forecast, and
/// writes trials.csv, trials.json, the best model and the report. Ctrl+C records the running trial as
/// interrupted and exits with 130; a second Ctrl+C ends the process at once (the next run recovers).
/// </summary>
public sealed class TuneCommand : AsyncCommand<TuneSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TuneSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return await CtrlC.RunCancellableAsync(token => RunAsync(settings, token)).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(TuneSettings settings, CancellationToken cancellationToken)
    {
        var plain = TuneConsole.IsPlain;
        var console = TuneConsole.Create(plain);
        var observer = new TuneObserver(console, plain, settings, TrialHold.FromEnvironment(cancellationToken));
        var outcome = await LstmTuning.RunAsync(settings.Request, observer, cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            TuneStatus.Interrupted => Interrupted(outcome, settings.Iterations),
            _ => Finish(console, settings, outcome),
        };
    }

    private static int Interrupted(TuneOutcome outcome, int budget)
    {
        var running = outcome.InterruptedTrial;
        var trial = running is null ? "between trials" : $"trial {TrialRow.Iteration(running)} is recorded as interrupted and runs again first";
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"gantuner: interrupted ({trial}); {outcome.Evaluated} of {budget} iterations evaluated; run the same command to resume"));
        return CliErrors.Cancelled;
    }

    private static int Finish(IAnsiConsole console, TuneSettings settings, TuneOutcome outcome)
    {
        var run = outcome.Run;
        if (outcome.Status == TuneStatus.NoCompletedTrial || outcome.Best is not { } best)
        {
            console.WriteLine($"files: {Path.Combine(run.OutDirectory, TrialsFiles.CsvName)}, {Path.Combine(run.OutDirectory, TrialsFiles.JsonName)}");
            Console.Error.WriteLine($"gantuner: no trial of study '{run.StudyName}' completed (see the notes column), so there is no best model");
            return 1;
        }

        console.WriteLine($"files in {run.OutDirectory}:");
        console.WriteLine($"  {TrialsFiles.CsvName}, {TrialsFiles.JsonName}: every trial, every metric");
        console.WriteLine($"  predictions/: each completed trial's test-period forecasts (date, actual, predicted, naive)");
        if (outcome.Model is not { } info)
        {
            Console.Error.WriteLine($"gantuner: retraining the best configuration failed ({outcome.Retrained?.FailureReason}); no best model was saved");
            return 1;
        }

        var again = outcome.Retrained?.Objective is { } objective
            ? string.Create(CultureInfo.InvariantCulture, $"; retrained {run.ObjectiveName} {NumberFormat.Value(run.Measure.Of(objective))}, stored {NumberFormat.Value(best.Value!.Value)}")
            : "";
        console.WriteLine($"  {Path.GetFileName(outcome.ModelPath)}: iteration {TrialRow.Iteration(best)}, {info.Origin}{again} ({BestTrialInfo.FileName} says which trial)");
        if (!settings.NoReport)
        {
            using var store = StudyStores.Open(settings.Storage, createIfMissing: false);
            var report = StudyReport.Write(store, new ReportRequest(run.StudyName) { StudyDirectory = run.OutDirectory });
            console.WriteLine($"  report: {report.Page} ({report.FigureFiles.Count} figures)");
        }

        console.WriteLine($"next close: gantuner predict --model {outcome.ModelPath}");
        return 0;
    }
}
