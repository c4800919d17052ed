using GanTuner.Storage;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Objectives;

namespace GanTuner.Studies.Compare;

/// <summary>
/// Compares tuners: every tuner on the same objective with the same budget over several seeds. Each (tuner, seed)
/// run is a study of its own in the store, so an interrupted comparison resumes where it stopped and a finished
/// one is only read again. Cancellation records the running trials as interrupted.
/// </summary>
public static class Comparisons
{
    public static async Task<CompareOutcome> RunAsync(CompareRequest request, ICompareObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var options = request.Options;
        if (!request.IsLstm && request.Pruner != "none")
        {
            throw new ArgumentException($"a pruner stops trials on their per-epoch losses; '{request.Objective}' has no epochs (use --objective lstm)", nameof(request));
        }

        var pruner = Tuning.Pruners.PrunerFactory.Create(request.Pruner);
        var tag = request.IsLstm ? CompareNames.LstmTag(request) : SyntheticObjective.Find(request.Objective)!.Name + CompareNames.OptionsSuffix(options);
        var outDirectory = Path.GetFullPath(request.Out ?? CompareNames.DefaultOut(tag));
        ICompareObjective objective = request.IsLstm
            ? await LstmCompareObjective.CreateAsync(request, tag, outDirectory, cancellationToken).ConfigureAwait(false)
            : new SyntheticCompareObjective(SyntheticObjective.Find(request.Objective)!, tag);
        var plan = new ComparisonPlan(objective.Tag, objective.Space, request.Tuners, request.Budget, request.Seeds, request.Seed, options)
        {
            StudyAttributes = objective.StudyAttributes,
        };

        using var store = request.Storage is null ? (IStudyStore)new InMemoryStudyStore() : StudyStores.Open(request.Storage);
        RequireSameStudies(store, plan, objective);
        var runner = new ComparisonRunner(store, request.Parallel, pruner);
        var start = new CompareStart(objective, plan, runner.CountEvaluated(plan), request.Storage ?? "memory", outDirectory);
        observer.Started(start);
        ComparisonResult? result = null;
        try
        {
            observer.Run(() => result = runner.RunTrials(plan, (run, study) => objective.ObjectiveFor(run, study, observer), observer.TrialFinished, cancellationToken));
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            return new CompareOutcome(start, null, runner.CountEvaluated(plan));
        }

        return new CompareOutcome(start, ComparisonSummary.Of(result!, objective.MetricKeys), runner.CountEvaluated(plan));
    }

    private static void RequireSameStudies(IStudyStore store, ComparisonPlan plan, ICompareObjective objective)
    {
        if (objective.StudyAttributes is not { } attributes)
        {
            return;
        }

        foreach (var run in plan.Runs)
        {
            if (store.FindStudy(run.StudyName) is { } stored)
            {
                Tune.TuneStudyAttributes.RequireSame(stored, attributes);
            }
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(i => i is OperationCanceledException));
}
