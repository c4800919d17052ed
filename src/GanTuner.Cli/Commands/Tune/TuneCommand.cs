using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Reporting;
using GanTuner.Reporting.Building;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;
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
        var space = settings.Space is null ? SearchSpace.Table1() : SearchSpace.Load(settings.Space);
        LstmParameters.RequireLstmSpace(space);
        var options = settings.TunerOptions;
        // Reject a bad tuner option before anything is read, downloaded or written.
        _ = TunerFactory.Create(settings.Tuner, space, settings.Seed, options);
        var name = settings.Study ?? StudyName.For(settings);

        var stored = FindStudy(settings.Storage, name);
        var outDirectory = Path.GetFullPath(
            settings.Out ?? stored?.UserAttributes.GetValueOrDefault(StudyAttributeKeys.OutDirectory) ?? StudyFiles.DefaultDirectory(name));
        var data = await TuneData.LoadAsync(settings, outDirectory, cancellationToken).ConfigureAwait(false);
        RequireRowsForShortestWindow(data.Series, space, settings);
        var attributes = TuneStudyAttributes.For(settings, data, outDirectory);
        if (stored is not null)
        {
            TuneStudyAttributes.RequireSame(stored, attributes);
        }

        // The folder before the store, so a folder that cannot be made leaves no study behind; both only now, so
        // data that cannot be read leaves no empty store behind.
        Directory.CreateDirectory(outDirectory);
        var store = StoreLocation.Open(settings.Storage);
        using var lifetime = store as IDisposable;
        var study = Study.CreateOrLoad(store, name, space, settings.Tuner, settings.Seed, options, attributes);
        var objectiveIsTest = settings.ProtocolValue != Protocol.Holdout;
        var run = new TuneRun(
            name,
            outDirectory,
            attributes,
            new ForecastDatasetCache(data.Series, settings.Spec(1, settings.Seed)),
            objectiveIsTest ? "test_mse" : "val_mse",
            settings.Epochs,
            settings.Seed,
            settings.Threads);

        var trials = study.Trials;
        var evaluated = trials.Count(t => t.State != TrialState.Running && !t.IsInterrupted);
        // Running trials without a heartbeat, or whose heartbeat stopped, belong to a process that died: the
        // runner recovers them when it runs. The others are live trials of other workers, left alone.
        var now = DateTimeOffset.UtcNow;
        bool IsDead(TrialRecord t) => t.IsStaleAt(now) || (t.State == TrialState.Running && t.Worker is null && t.StaleAfter is null);
        var stale = evaluated < settings.Iterations ? trials.Count(IsDead) : 0;
        var others = trials.Count(t => t.State == TrialState.Running && !IsDead(t));
        WriteHeader(console, settings, run, data, stored is null, evaluated, stale);
        if (others > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {others} trial(s) are running in other workers on this study."));
        }

        var keeper = new BestModelKeeper(run, study.Best?.Value);
        if (evaluated < settings.Iterations)
        {
            ITuneDisplay display = plain
                ? new PlainTuneDisplay(console, settings.Iterations, evaluated, run.ObjectiveName)
                : new LiveTuneDisplay(console, settings.Iterations, evaluated, run.ObjectiveName);
            display = new HeldTuneDisplay(display, Testing.TrialHold.FromEnvironment(cancellationToken));
            var objective = new TuneObjective(study, run, display, settings.Workers);
            console.WriteLine(TrialRow.Header(run.ObjectiveName));
            try
            {
                var runner = new StudyRunnerOptions(
                    Workers: settings.Workers,
                    Heartbeat: TimeSpan.FromSeconds(settings.Heartbeat),
                    Pruner: GanTuner.Tuning.Pruners.PrunerFactory.Create(settings.Pruner),
                    Threads: settings.Threads);
                display.Run(() => StudyRunner.Optimize(study, objective.Evaluate, settings.Iterations, runner, trial =>
                {
                    var isBest = keeper.IsNewBest(trial);
                    keeper.Finished(trial, objective.TakeResult(trial.Number));
                    display.TrialFinished(trial, isBest);
                }, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Interrupted(study, settings.Iterations, objective.Running);
            }
        }

        return Finish(console, settings, study, run, keeper, objectiveIsTest, store);
    }

    /// <summary>A series too short for even the space's shortest window could only fail every trial, so it is
    /// refused as bad data before a study is stored (the message names the rows it needs).</summary>
    /// <exception cref="PriceDataException">Too few rows for the protocol and that window.</exception>
    private static void RequireRowsForShortestWindow(PriceSeries series, SearchSpace space, TuneSettings settings)
    {
        var lengths = space.Parameters.Single(p => p.Name == LstmParameters.SequenceLength);
        var shortest = Math.Max(1, (int)Math.Round(lengths.Decode(0).AsDouble()));
        _ = ForecastDataset.Build(series, settings.Spec(shortest, settings.Seed));
    }

    private static StudyRecord? FindStudy(string storage, string name)
    {
        if (!StoreLocation.MayExist(storage))
        {
            return null;
        }

        var store = StoreLocation.Open(storage, createIfMissing: false);
        using var lifetime = store as IDisposable;
        return store.FindStudy(name);
    }

    private static void WriteHeader(IAnsiConsole console, TuneSettings settings, TuneRun run, TuneData data, bool isNew, int evaluated, int stale)
    {
        var series = data.Series;
        var state = isNew ? "new study"
            : string.Create(CultureInfo.InvariantCulture, $"resuming: {evaluated} of {settings.Iterations} iterations evaluated");
        console.MarkupLine($"[bold]tune[/] {Markup.Escape(run.StudyName)} ({Markup.Escape(state)})");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  data: {data.Label}: {series.Count:N0} rows, {series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}, {run.Attributes[StudyAttributeKeys.Column]}, target {settings.TargetValue.Name()}"));
        console.WriteLine($"  protocol: {settings.ProtocolValue.Describe()}");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  tuner {settings.Tuner}, seed {settings.Seed}, epochs per trial {settings.Epochs}, objective {run.ObjectiveName}; study in {settings.Storage}, files in {run.OutDirectory}"));
        if (settings.ProtocolValue == Protocol.PaperShuffled)
        {
            console.MarkupLine("[yellow]paper-shuffled is LEAKY: training windows come from after test days; the errors reproduce the paper's, they are not a fair forecast.[/]");
        }

        if (stale > 0)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {stale} trial(s) were left running by a stopped process: recorded as interrupted, their configurations run again first."));
        }
    }

    private static int Interrupted(Study study, int budget, TrialRecord? running)
    {
        var evaluated = study.Trials.Count(t => t.State != TrialState.Running && !t.IsInterrupted);
        var trial = running is null ? "between trials" : $"trial {TrialRow.Iteration(running)} is recorded as interrupted and runs again first";
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"gantuner: interrupted ({trial}); {evaluated} of {budget} iterations evaluated; run the same command to resume"));
        return CliErrors.Cancelled;
    }

    private static int Finish(IAnsiConsole console, TuneSettings settings, Study study, TuneRun run, BestModelKeeper keeper, bool objectiveIsTest, IStudyStore store)
    {
        var trials = study.Trials;
        var best = study.Best;
        console.WriteLine();
        console.Write(TuneTables.AppendixB(trials, best, run.ObjectiveName));
        TrialsFiles.Write(run.OutDirectory, study.Record, trials, run.ObjectiveName, best);
        if (best is null)
        {
            console.WriteLine($"files: {Path.Combine(run.OutDirectory, TrialsFiles.CsvName)}, {Path.Combine(run.OutDirectory, TrialsFiles.JsonName)}");
            Console.Error.WriteLine($"gantuner: no trial of study '{run.StudyName}' completed (see the notes column), so there is no best model");
            return 1;
        }

        var config = run.Config(best.Parameters);
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"best: iteration {TrialRow.Iteration(best)}, {run.ObjectiveName} {NumberFormat.Value(best.Value!.Value)}: layers {config.Layers}, units {config.Units}, learning rate {NumberFormat.Parameter(config.LearningRate)}, batch size {config.BatchSize}, sequence length {config.SequenceLength}, dropout {NumberFormat.Parameter(config.Dropout)}")));
        console.Write(TuneTables.Best(best, objectiveIsTest));
        foreach (var verdict in TuneTables.Verdicts(best, objectiveIsTest))
        {
            console.MarkupLine(verdict);
        }

        var (info, retrained) = keeper.Ensure(best, _ =>
            console.WriteLine($"retraining iteration {TrialRow.Iteration(best)} with the study's seed: its model was not kept in {run.OutDirectory}"));
        console.WriteLine($"files in {run.OutDirectory}:");
        console.WriteLine($"  {TrialsFiles.CsvName}, {TrialsFiles.JsonName}: every trial, every metric");
        console.WriteLine($"  predictions/: each completed trial's test-period forecasts (date, actual, predicted, naive)");
        if (info is null)
        {
            Console.Error.WriteLine($"gantuner: retraining the best configuration failed ({retrained?.FailureReason}); no best model was saved");
            return 1;
        }

        var again = retrained?.Objective is { } objective
            ? string.Create(CultureInfo.InvariantCulture, $"; retrained {run.ObjectiveName} {NumberFormat.Value(objective.Scaled.Mse)}, stored {NumberFormat.Value(best.Value.Value)}")
            : "";
        console.WriteLine($"  {Path.GetFileName(keeper.ModelPath)}: iteration {TrialRow.Iteration(best)}, {info.Origin}{again} ({BestTrialInfo.FileName} says which trial)");
        if (!settings.NoReport)
        {
            var report = StudyReport.Write(store, new ReportRequest(run.StudyName) { StudyDirectory = run.OutDirectory });
            console.WriteLine($"  report: {report.Page} ({report.FigureFiles.Count} figures)");
        }

        console.WriteLine($"next close: gantuner predict --model {keeper.ModelPath}");
        return 0;
    }
}
