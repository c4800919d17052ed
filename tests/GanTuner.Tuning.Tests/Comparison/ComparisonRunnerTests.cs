using GanTuner.Storage;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Objectives;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests.Comparison;

public sealed class ComparisonRunnerTests
{
    private static readonly SyntheticObjective Branin = SyntheticObjective.Branin;

    private static ComparisonPlan Plan(int budget = 6, int seeds = 2) =>
        new(Branin.Name, Branin.Space(), ["random", "tpe"], budget, seeds, 0, TunerOptions.Empty);

    private static TrialOutcome Evaluate(ParameterSet parameters, CancellationToken cancellationToken) =>
        TrialOutcome.Success(Branin.Evaluate(parameters));

    [Fact]
    public void Runs_start_seed_by_seed_so_a_stopped_comparison_holds_whole_seeds()
    {
        var order = new List<string>();

        new ComparisonRunner(new InMemoryStudyStore(), parallelism: 1).Run(
            Plan(budget: 2), (_, _) => Evaluate, (run, _) => order.Add($"{run.Tuner}/{run.Seed}"));

        Assert.Equal(["random/0", "tpe/0", "random/1", "tpe/1"], order.Distinct());
    }

    [Fact]
    public void A_finished_comparison_is_read_back_without_evaluating_anything()
    {
        var store = new InMemoryStudyStore();
        var runner = new ComparisonRunner(store, parallelism: 2);
        var first = runner.Run(Plan(), Evaluate);

        var again = runner.Run(Plan(), (_, _) => throw new InvalidOperationException("a finished study ran a trial"), null);

        Assert.Equal(Finals(first), Finals(again));
        Assert.Equal(Plan().TotalTrials, runner.CountEvaluated(Plan()));
    }

    [Fact]
    public void An_interrupted_comparison_resumes_to_the_result_of_an_uninterrupted_one()
    {
        var store = new InMemoryStudyStore();
        var runner = new ComparisonRunner(store, parallelism: 1);
        using var cancel = new CancellationTokenSource();
        var calls = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run(Plan(), (_, _) => (parameters, token) =>
        {
            if (++calls == 9)
            {
                cancel.Cancel();
                token.ThrowIfCancellationRequested();
            }

            return Evaluate(parameters, token);
        }, null, cancel.Token));
        Assert.Equal(8, runner.CountEvaluated(Plan()));
        Assert.Single(store.ListStudies().SelectMany(s => store.GetTrials(s.Name)), t => t.IsInterrupted);

        var resumed = runner.Run(Plan(), Evaluate);
        var straight = new ComparisonRunner(new InMemoryStudyStore()).Run(Plan(), Evaluate);

        Assert.Equal(Finals(straight), Finals(resumed));
        Assert.Equal(straight.Tuners.Select(t => t.Runs.Select(r => r.Best)), resumed.Tuners.Select(t => t.Runs.Select(r => r.Best)));
    }

    [Fact]
    public void A_run_is_charged_the_seconds_its_objective_measured_and_counts_reused_results()
    {
        var draft = new TrialDraft([], [0.5], DateTimeOffset.UnixEpoch, null);
        TrialRecord Finished(int number, double value, Dictionary<string, double> metrics) =>
            new(number, TrialState.Complete, draft, number, new TrialCompletion(TrialState.Complete, value, DateTimeOffset.UnixEpoch.AddSeconds(1), metrics), number + 1);

        var curve = ComparisonRunner.Curve(3, [
            Finished(0, 2.0, new() { [ComparisonMetricKeys.WallSeconds] = 40 }),
            Finished(1, 1.0, new() { [ComparisonMetricKeys.WallSeconds] = 25, [ComparisonMetricKeys.Reused] = 1, ["test_mse"] = 0.5 }),
            Finished(2, 3.0, []),
        ], budget: 10);

        Assert.Equal([2.0, 1.0, 1.0], curve.Best);
        Assert.Equal(40 + 25 + 1, curve.TrialSeconds); // the last trial has no measurement: its stored duration counts
        Assert.Equal(1, curve.Reused);
        Assert.Equal(0.5, curve.BestMetrics["test_mse"]);
    }

    private static IEnumerable<double[]> Finals(ComparisonResult result) =>
        result.Tuners.Select(t => t.Runs.Select(r => r.Final).ToArray());
}
