using GanTuner.Forecasting;
using GanTuner.Studies.Compare;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tests;

public sealed class TrialMemoTests
{
    private static readonly TrialConfig Config = new(1, 2, 0.01, 16, 4, 0.0, 1, 0, 1);

    [Fact]
    public void A_configuration_is_trained_once_and_its_outcome_reused_marked_as_such()
    {
        var memo = new TrialMemo();
        var evaluations = 0;
        TrialOutcome Evaluate()
        {
            evaluations++;
            return TrialOutcome.Success(0.25, new Dictionary<string, double> { ["wall_seconds"] = 3 });
        }

        var first = memo.Evaluate(Config, Evaluate);
        var second = memo.Evaluate(Config, Evaluate);
        var other = memo.Evaluate(Config with { Seed = 1 }, Evaluate);

        Assert.Equal(2, evaluations);
        Assert.False(first.Metrics.ContainsKey(ComparisonMetricKeys.Reused));
        Assert.Equal(1, second.Metrics[ComparisonMetricKeys.Reused]);
        Assert.Equal((0.25, 3.0), (second.Value!.Value, second.Metrics["wall_seconds"]));
        Assert.False(other.Metrics.ContainsKey(ComparisonMetricKeys.Reused));
    }

    [Fact]
    public void A_cancelled_evaluation_is_not_kept()
    {
        var memo = new TrialMemo();

        Assert.Throws<OperationCanceledException>(() => memo.Evaluate(Config, () => throw new OperationCanceledException()));
        var outcome = memo.Evaluate(Config, () => TrialOutcome.Success(1.0));

        Assert.False(outcome.Metrics.ContainsKey(ComparisonMetricKeys.Reused));
    }

    [Fact]
    public void Under_a_pruner_an_outcome_is_reused_only_after_the_same_finished_trials_and_a_pruned_one_stays_pruned()
    {
        var memo = new TrialMemo();
        var evaluations = 0;
        TrialOutcome Evaluate()
        {
            evaluations++;
            return TrialOutcome.Pruned(0.5, 2, new Dictionary<string, double> { ["wall_seconds"] = 1 });
        }

        _ = memo.Evaluate(Config, "Complete:0.1,0.2;", null, Evaluate);
        var same = memo.Evaluate(Config, "Complete:0.1,0.2;", null, Evaluate);
        var otherHistory = memo.Evaluate(Config, "Complete:0.1,0.3;", null, Evaluate);

        Assert.Equal(2, evaluations);
        Assert.Equal((2, 0.5, 1.0), (same.PrunedAtEpoch!.Value, same.Value!.Value, same.Metrics[ComparisonMetricKeys.Reused]));
        Assert.False(otherHistory.Metrics.ContainsKey(ComparisonMetricKeys.Reused));
    }
}
