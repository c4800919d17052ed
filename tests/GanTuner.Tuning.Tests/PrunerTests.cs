using GanTuner.Storage;
using GanTuner.Tuning.Pruners;
using GanTuner.Tuning.Studies;

namespace GanTuner.Tuning.Tests;

public sealed class PrunerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static TrialRecord Finished(int number, TrialState state, params double[] curve)
    {
        var draft = new TrialDraft([], [0.5], T0, [new(IntermediateValues.AttributeKey, IntermediateValues.Format(curve))]);
        var completion = new TrialCompletion(state, curve[^1], T0.AddMinutes(1));
        return new TrialRecord(number, state, draft, 0, completion, number + 1);
    }

    private static List<TrialRecord> Complete(params double[][] curves) =>
        [.. curves.Select((c, i) => Finished(i, TrialState.Complete, c))];

    [Fact]
    public void Median_prunes_nothing_before_five_complete_trials()
    {
        var four = Complete([1, 0.5], [1, 0.5], [1, 0.5], [1, 0.5]);

        Assert.False(new MedianPruner().ShouldPrune([9, 9], four));
    }

    [Fact]
    public void Median_prunes_a_trial_whose_best_so_far_is_worse_than_the_median_at_that_epoch()
    {
        var five = Complete([1.0, 0.5], [1.0, 0.4], [1.0, 0.3], [1.0, 0.2], [1.0, 0.1]);
        var pruner = new MedianPruner();

        Assert.False(pruner.ShouldPrune([0.9], five)); // epoch 1: 0.9 < median 1.0
        Assert.False(pruner.ShouldPrune([0.9, 0.3], five)); // epoch 2: best 0.3 = median 0.3
        Assert.True(pruner.ShouldPrune([1.2, 0.31], five)); // best 0.31 > 0.3
        Assert.True(pruner.ShouldPrune([double.NaN], five));
    }

    [Fact]
    public void Median_interpolates_between_the_middle_values_of_an_even_count()
    {
        var six = Complete([0.1], [0.2], [0.3], [0.4], [0.5], [0.6]);

        Assert.False(new MedianPruner().ShouldPrune([0.35], six));
        Assert.True(new MedianPruner().ShouldPrune([0.3501], six));
    }

    [Fact]
    public void Asha_judges_only_at_its_rungs_and_keeps_the_best_quarter()
    {
        var pruner = new SuccessiveHalvingPruner();
        var eight = Complete(
            [0.1, 9, 9, 0.1], [0.2, 9, 9, 0.2], [0.3, 9, 9, 0.3], [0.4, 9, 9, 0.4],
            [0.5, 9, 9, 0.5], [0.6, 9, 9, 0.6], [0.7, 9, 9, 0.7], [0.8, 9, 9, 0.8]);

        // Nine competitors at the rung (eight plus itself): promoted if no worse than the 9/4 − 1 = 1st (0-based) value.
        Assert.False(pruner.ShouldPrune([0.15], eight));
        Assert.True(pruner.ShouldPrune([0.25], eight));
        Assert.False(pruner.ShouldPrune([0.15, 99], eight)); // epoch 2 is no rung (rungs 1, 4, 16…)
        Assert.True(pruner.ShouldPrune([0.15, 9, 9, 0.35], eight)); // rung 4
    }

    [Fact]
    public void Asha_with_fewer_competitors_than_its_factor_keeps_only_a_new_best()
    {
        var two = Complete([0.2], [0.4]);

        Assert.False(new SuccessiveHalvingPruner().ShouldPrune([0.1], two));
        Assert.True(new SuccessiveHalvingPruner().ShouldPrune([0.3], two));
    }

    [Fact]
    public void Pruners_are_made_by_name()
    {
        Assert.Null(PrunerFactory.Create("none"));
        Assert.IsType<MedianPruner>(PrunerFactory.Create("median"));
        Assert.Equal(4, Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create("asha")).ReductionFactor);
        Assert.Throws<ArgumentException>(() => PrunerFactory.Create("hyperband"));
    }

    [Fact]
    public void A_runner_with_a_pruner_records_pruned_trials_with_their_last_value_epoch_and_curve()
    {
        var store = new InMemoryStudyStore();
        var space = new SearchSpace([new RealParameter("x", 0, 1)]);
        var study = Study.CreateOrLoad(store, "s", space, "random", 5, TunerContractTests.Fast);

        // Trial n's loss at epoch e is (n + 1) / e: every trial after the fifth is worse than the median.
        StudyRunner.Optimize(study, (trial, _) =>
        {
            for (var epoch = 1; epoch <= 4; epoch++)
            {
                var loss = (trial.Number + 1.0) / epoch;
                if (trial.ShouldPrune(loss))
                {
                    return TrialOutcome.Pruned(loss, epoch);
                }
            }

            return TrialOutcome.Success(trial.IntermediateValues[^1]);
        }, 8, new StudyRunnerOptions(Pruner: new MedianPruner()));
        var trials = store.GetTrials("s");

        Assert.All(trials.Take(5), t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials.Skip(5), t =>
        {
            Assert.Equal(TrialState.Pruned, t.State);
            Assert.Equal("1", t.Attributes[IntermediateValues.PrunedAtKey]);
            Assert.Equal(t.Number + 1.0, t.Value);
            Assert.Equal([t.Number + 1.0], IntermediateValues.Of(t));
        });
        Assert.Equal([1, 0.5, 1 / 3.0, 0.25], IntermediateValues.Of(trials[0]));
        Assert.Equal(8, Study.Evaluated(trials));
    }
}
