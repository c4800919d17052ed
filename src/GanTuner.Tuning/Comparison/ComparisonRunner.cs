using GanTuner.Storage;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Comparison;

/// <summary>Runs every (tuner, seed) study of a <see cref="ComparisonPlan"/> and returns best-so-far curves.</summary>
/// <remarks>Each run is an ordinary study in <paramref name="store"/> (named by <see cref="ComparisonPlan.StudyName"/>),
/// so a comparison kept in a file resumes where it stopped, and runs are independent: they may go in
/// parallel without changing any result.</remarks>
public sealed class ComparisonRunner(IStudyStore store, int parallelism = 1)
{
    public ComparisonResult Run(
        ComparisonPlan plan,
        Func<ParameterSet, CancellationToken, TrialOutcome> objective,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(objective);
        // Build each tuner once up front: a bad name or option fails before any run starts.
        foreach (var tuner in plan.Tuners)
        {
            _ = TunerFactory.Create(tuner, plan.Space, plan.FirstSeed, plan.Options);
        }

        var runs = plan.Tuners.SelectMany(tuner => Enumerable.Range(plan.FirstSeed, plan.Seeds).Select(seed => (tuner, seed))).ToArray();
        var curves = new BestSoFarCurve[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, parallelism),
            CancellationToken = cancellationToken,
        }, index =>
        {
            var (tuner, seed) = runs[index];
            var study = Study.CreateOrLoad(store, plan.StudyName(tuner, seed), plan.Space, tuner, seed, plan.Options);
            StudyRunner.Optimize(study, objective, plan.Budget, cancellationToken: cancellationToken);
            curves[index] = Curve(seed, study.Trials, plan.Budget);
        });

        return new ComparisonResult(plan, [.. plan.Tuners.Select((tuner, t) =>
            new TunerCurves(tuner, curves.Skip(t * plan.Seeds).Take(plan.Seeds).ToList()))]);
    }

    /// <summary>The best value after each evaluated trial, in trial order (interrupted trials do not count).</summary>
    public static BestSoFarCurve Curve(int seed, IEnumerable<TrialRecord> trials, int budget)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var best = double.PositiveInfinity;
        var curve = new List<double>();
        foreach (var trial in trials.Where(t => t.State != TrialState.Running && !t.IsInterrupted).Take(budget))
        {
            if (trial.State == TrialState.Complete && trial.Value < best)
            {
                best = trial.Value.Value;
            }

            curve.Add(best);
        }

        return new BestSoFarCurve(seed, curve);
    }
}
