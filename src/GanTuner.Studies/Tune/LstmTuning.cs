using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tune;

/// <summary>
/// A whole LSTM tuning study end to end: runs trials until the study holds <see cref="TuneRequest.Iterations"/>
/// evaluated ones (a resumed study runs only what is missing, an interrupted configuration first), keeps every
/// trial's forecasts and the best model, and writes trials.csv and trials.json. Cancellation records the running
/// trial as interrupted; the same request then resumes.
/// </summary>
public static class LstmTuning
{
    /// <exception cref="SearchSpaceException">The space is not the LSTM's six parameters.</exception>
    /// <exception cref="TunerOptionsException">A tuner option is unknown or bad.</exception>
    /// <exception cref="PriceDataException">The data cannot be read, or is too short for the space's shortest window.</exception>
    /// <exception cref="StudyException">The stored study of that name measured something else.</exception>
    public static async Task<TuneOutcome> RunAsync(TuneRequest request, ITuneObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var space = request.Space ?? (request.SpaceFile is null ? SearchSpace.Table1() : SearchSpace.Load(request.SpaceFile));
        LstmParameters.RequireLstmSpace(space);
        var options = request.TunerOptions;
        // Reject a bad tuner option before anything is read, downloaded or written.
        _ = TunerFactory.Create(request.Tuner, space, request.Seed, options);
        var name = request.Study ?? StudyName.For(request);

        var stored = FindStudy(request.Storage, name);
        var outDirectory = Path.GetFullPath(
            request.Out ?? stored?.UserAttributes.GetValueOrDefault(StudyAttributeKeys.OutDirectory) ?? StudyFiles.DefaultDirectory(name));
        var data = await TuneData.LoadAsync(request.Source, outDirectory, cancellationToken).ConfigureAwait(false);
        RequireRowsForShortestWindow(data.Series, space, request);
        var attributes = TuneStudyAttributes.For(request, data, outDirectory);
        if (stored is not null)
        {
            TuneStudyAttributes.RequireSame(stored, attributes);
        }

        // The folder before the store, so a folder that cannot be made leaves no study behind; both only now, so
        // data that cannot be read leaves no empty store behind.
        Directory.CreateDirectory(outDirectory);
        using var store = StudyStores.Open(request.Storage);
        var study = Study.CreateOrLoad(store, name, space, request.Tuner, request.Seed, options, attributes);
        var run = new TuneRun(
            name,
            outDirectory,
            attributes,
            new ForecastDatasetCache(data.Series, request.Spec(1)),
            request.Training.Objective,
            request.Epochs,
            request.Seed,
            request.Threads,
            request.Training.EarlyStopping);

        var evaluated = Evaluated(study);
        // Running trials without a heartbeat, or whose heartbeat stopped, belong to a process that died: the
        // runner recovers them when it runs. The others are live trials of other workers, left alone.
        var now = DateTimeOffset.UtcNow;
        var trials0 = study.Trials;
        bool IsDead(TrialRecord t) => t.IsStaleAt(now) || (t.State == TrialState.Running && t.Worker is null && t.StaleAfter is null);
        var stale = evaluated < request.Iterations ? trials0.Count(IsDead) : 0;
        var others = trials0.Count(t => t.State == TrialState.Running && !IsDead(t));
        var plan = request.Workers == 0
            ? WorkerPlan.Choose(space, request.Threads > 0 ? request.Threads : Environment.ProcessorCount, Math.Max(1, request.Iterations - evaluated))
            : null;
        var workers = plan?.Workers ?? request.Workers;
        observer.Started(new TuneStart(run, data, stored is null, evaluated, stale, request.Iterations) { OtherWorkers = others, WorkerPlan = plan });

        var keeper = new BestModelKeeper(run, study.Best?.Value);
        if (evaluated < request.Iterations)
        {
            var objective = new TuneObjective(study, run, observer, workers);
            var runner = new StudyRunnerOptions(
                Workers: workers,
                Heartbeat: request.Heartbeat,
                Pruner: Tuning.Pruners.PrunerFactory.Create(request.Pruner),
                Threads: request.Threads);
            try
            {
                observer.Run(() => StudyRunner.Optimize(study, objective.Evaluate, request.Iterations, runner, trial =>
                {
                    var isBest = keeper.IsNewBest(trial);
                    keeper.Finished(trial, objective.TakeResult(trial.Number));
                    observer.TrialFinished(trial, isBest);
                }, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new TuneOutcome(TuneStatus.Interrupted, run, study.Trials, study.Best, Evaluated(study)) { InterruptedTrial = objective.Running };
            }
        }

        var trials = study.Trials;
        var best = study.Best;
        TrialsFiles.Write(run.OutDirectory, study.Record, trials, run.ObjectiveName, best);
        observer.Evaluated(trials, best);
        if (best is null)
        {
            return new TuneOutcome(TuneStatus.NoCompletedTrial, run, trials, null, Evaluated(study));
        }

        var (info, retrained) = keeper.Ensure(best, _ => observer.Retraining(best));
        return new TuneOutcome(info is null ? TuneStatus.RetrainingFailed : TuneStatus.Finished, run, trials, best, Evaluated(study))
        {
            Model = info,
            Retrained = retrained,
        };
    }

    private static int Evaluated(Study study) => study.Trials.Count(t => t.State != TrialState.Running && !t.IsInterrupted);

    /// <summary>A series too short for even the space's shortest window could only fail every trial, so it is
    /// refused as bad data before a study is stored (the message names the rows it needs).</summary>
    /// <exception cref="PriceDataException">Too few rows for the protocol and that window.</exception>
    private static void RequireRowsForShortestWindow(PriceSeries series, SearchSpace space, TuneRequest request)
    {
        var lengths = space.Parameters.Single(p => p.Name == LstmParameters.SequenceLength);
        var shortest = Math.Max(1, (int)Math.Round(lengths.Decode(0).AsDouble()));
        _ = ForecastDataset.Build(series, request.Spec(shortest));
    }

    private static StudyRecord? FindStudy(string storage, string name)
    {
        if (StudyStores.SqlitePath(storage) is { } file && !File.Exists(file))
        {
            return null;
        }

        using var store = StudyStores.Open(storage, createIfMissing: false);
        return store.FindStudy(name);
    }
}
