using System.Collections.Concurrent;
using GanTuner.Storage;
using GanTuner.Tuning.Pruners;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Comparison;

/// <summary>Runs every (tuner, seed) study of a <see cref="ComparisonPlan"/> and returns best-so-far curves.</summary>
/// <remarks>Each run is an ordinary study in the store (named by <see cref="ComparisonPlan.StudyName"/>),
/// so a comparison kept in a file resumes where it stopped, and a finished study is only read, never run
/// again. Runs are independent: they may go in parallel without changing any result. They start in the
/// order of <see cref="ComparisonPlan.Runs"/> (seed by seed). With a <paramref name="pruner"/>, every run's
/// trials report their per-epoch losses to it (through <see cref="TrialContext.ShouldPrune"/>), exactly as
/// <c>tune --pruner</c> does; the pruner judges a trial against its own study's finished trials only.</remarks>
public sealed class ComparisonRunner(IStudyStore store, int parallelism = 1, IPruner? pruner = null)
{
    /// <summary>Runs the plan with one objective for every run.</summary>
    public ComparisonResult Run(
        ComparisonPlan plan,
        Func<ParameterSet, CancellationToken, TrialOutcome> objective,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Run(plan, (_, _) => objective, null, cancellationToken);
    }

    /// <summary>Runs the plan; <paramref name="objectiveFor"/> gives each run its objective (an objective may
    /// depend on the run's seed, and may need the study to see its running trial).</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="objectiveFor">The objective of one run, asked once per run that still has trials to evaluate.</param>
    /// <param name="onTrialFinished">Told of every trial a run finishes, from the thread that ran it.</param>
    /// <param name="cancellationToken">Stops the comparison: each running trial is recorded as interrupted
    /// (and evaluated again first when the comparison resumes), and <see cref="OperationCanceledException"/> is thrown.</param>
    public ComparisonResult Run(
        ComparisonPlan plan,
        Func<ComparisonRun, Study, Func<ParameterSet, CancellationToken, TrialOutcome>> objectiveFor,
        Action<ComparisonRun, TrialRecord>? onTrialFinished,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectiveFor);
        return RunTrials(plan, (run, study) =>
        {
            var objective = objectiveFor(run, study);
            return (trial, token) => objective(trial.Parameters, token);
        }, onTrialFinished, cancellationToken);
    }

    /// <summary>Runs the plan with objectives that see each running trial (<see cref="TrialContext"/>): its number,
    /// its threads, and the pruner through <see cref="TrialContext.ShouldPrune"/>.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="objectiveFor">The objective of one run, asked once per run that still has trials to evaluate.</param>
    /// <param name="onTrialFinished">Told of every trial a run finishes, from the thread that ran it.</param>
    /// <param name="cancellationToken">Stops the comparison (see <see cref="Run(ComparisonPlan, Func{ComparisonRun, Study, Func{ParameterSet, CancellationToken, TrialOutcome}}, Action{ComparisonRun, TrialRecord}?, CancellationToken)"/>).</param>
    public ComparisonResult RunTrials(
        ComparisonPlan plan,
        Func<ComparisonRun, Study, Func<TrialContext, CancellationToken, TrialOutcome>> objectiveFor,
        Action<ComparisonRun, TrialRecord>? onTrialFinished,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(objectiveFor);
        // Build each tuner once up front: a bad name or option fails before any run starts.
        foreach (var tuner in plan.Tuners)
        {
            _ = TunerFactory.Create(tuner, plan.Space, plan.FirstSeed, plan.Options);
        }

        // No buffering: each worker takes the next run only when it is free, so runs start in the plan's order.
        Parallel.ForEach(
            Partitioner.Create(plan.Runs, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            run =>
            {
                var study = Study.CreateOrLoad(store, run.StudyName, plan.Space, run.Tuner, run.Seed, plan.Options, plan.StudyAttributes);
                if (Evaluated(study.Trials).Count() < plan.Budget)
                {
                    StudyRunner.Optimize(study, objectiveFor(run, study), plan.Budget, new StudyRunnerOptions(Pruner: pruner),
                        t => onTrialFinished?.Invoke(run, t), cancellationToken);
                }
            });

        return Load(plan);
    }

    /// <summary>The plan's curves as the store holds them now, without running anything (a run not started yet has an empty curve).</summary>
    public ComparisonResult Load(ComparisonPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ComparisonResult(plan, [.. plan.Tuners.Select(tuner => new TunerCurves(tuner, [.. plan.SeedValues.Select(seed =>
        {
            var name = plan.StudyName(tuner, seed);
            return Curve(seed, store.FindStudy(name) is null ? [] : store.GetTrials(name), plan.Budget);
        })]))]);
    }

    /// <summary>Evaluated trials so far across the plan's studies (at most the budget per study).</summary>
    public int CountEvaluated(ComparisonPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Runs.Sum(run => store.FindStudy(run.StudyName) is null ? 0 : Math.Min(plan.Budget, Evaluated(store.GetTrials(run.StudyName)).Count()));
    }

    /// <summary>The best value after each evaluated trial, in trial order (interrupted trials do not count),
    /// with the run's trial time, reuse count and the metrics of its best trial.</summary>
    public static BestSoFarCurve Curve(int seed, IEnumerable<TrialRecord> trials, int budget)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var evaluated = Evaluated(trials).Take(budget).ToList();
        var best = double.PositiveInfinity;
        TrialRecord? bestTrial = null;
        var curve = new List<double>(evaluated.Count);
        foreach (var trial in evaluated)
        {
            if (trial.State == TrialState.Complete && trial.Value < best)
            {
                best = trial.Value.Value;
                bestTrial = trial;
            }

            curve.Add(best);
        }

        return new BestSoFarCurve(seed, curve)
        {
            TrialSeconds = evaluated.Sum(Seconds),
            Reused = evaluated.Count(t => t.Metrics.GetValueOrDefault(ComparisonMetricKeys.Reused) == 1),
            BestMetrics = bestTrial?.Metrics ?? new Dictionary<string, double>(),
        };
    }

    private static IEnumerable<TrialRecord> Evaluated(IEnumerable<TrialRecord> trials) =>
        trials.Where(t => t.State != TrialState.Running && !t.IsInterrupted);

    private static double Seconds(TrialRecord trial) =>
        trial.Metrics.TryGetValue(ComparisonMetricKeys.WallSeconds, out var seconds) && double.IsFinite(seconds)
            ? seconds
            : trial.Duration?.TotalSeconds ?? 0;
}
