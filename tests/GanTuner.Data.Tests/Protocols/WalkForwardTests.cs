using GanTuner.Data.Protocols;

namespace GanTuner.Data.Tests.Protocols;

/// <summary>Walk-forward's no-look-ahead properties, fold by fold, over many random lengths, window sizes and fold counts.</summary>
public sealed class WalkForwardTests
{
    private static IEnumerable<(PriceSeries Series, DatasetSpec Spec)> Cases(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var l = random.Next(1, 30);
            var target = random.Next(2) == 0 ? ForecastTarget.Level : ForecastTarget.LogReturn;
            var folds = random.Next(2, 7);
            var minimum = (int)SplitPlan.MinimumRows(l, Protocol.WalkForward, target, folds);
            var rows = minimum + random.Next(0, 300);
            var spec = new DatasetSpec(
                l, Protocol.WalkForward, target, ShuffleSeed: random.Next(),
                Scaling: random.Next(2) == 0 ? Scaling.Global : Scaling.Window,
                Folds: folds,
                FoldWindow: random.Next(2) == 0 ? FoldWindow.Expanding : FoldWindow.Sliding);
            yield return (RandomSeries.Walk(random, rows), spec);
        }
    }

    [Fact]
    public void No_fold_lets_its_validation_or_any_later_value_reach_its_training_windows_or_its_scaler()
    {
        var random = new Random(31);
        foreach (var (series, spec) in Cases(seed: 30, count: 150))
        {
            var data = ForecastDataset.Build(series, spec);
            Assert.Equal(spec.Folds, data.Folds.Count);
            for (var k = 0; k < data.Folds.Count; k++)
            {
                var fold = data.Folds[k];
                var plan = data.Plan.Folds[k];
                var changed = (double[])series.Close.Clone();
                for (var r = plan.ValidationStart; r < changed.Length; r++)
                {
                    changed[r] = random.Next(2) == 0 ? 1e-3 : 1e6;
                }

                var after = ForecastDataset.Build(RandomSeries.WithClose(series, changed), spec).Folds[k];

                Assert.Equal(fold.WindowScaling, after.WindowScaling);
                Assert.Equal(fold.Train.Inputs, after.Train.Inputs);
                Assert.Equal(fold.Train.Targets, after.Train.Targets);
                Assert.Equal(fold.Train.Frames, after.Train.Frames);
                Assert.All(fold.Train.TargetRows, t => Assert.InRange(t, plan.FitStart + fold.Plan.FirstTarget, plan.ValidationStart - 1));
                Assert.All(fold.Validation.TargetRows, t => Assert.InRange(t, plan.ValidationStart, plan.ValidationEnd - 1));
                Assert.Equal(plan.ValidationWindows, fold.Validation.Count);
            }
        }
    }

    [Fact]
    public void A_fold_scaler_changes_only_with_its_own_training_rows()
    {
        // The converse of the test above: the scaler is not fitted on too few rows either. Under a sliding window,
        // rows before the fold's training rows do not reach it.
        foreach (var (series, spec) in Cases(seed: 32, count: 120).Where(c => c.Spec.Scaling == Scaling.Global))
        {
            var data = ForecastDataset.Build(series, spec);
            for (var k = 0; k < data.Folds.Count; k++)
            {
                var plan = data.Folds[k].Plan;
                var start = spec.Target == ForecastTarget.Level ? plan.FitStart : plan.FitStart + 1;
                var fitted = spec.Target == ForecastTarget.Level
                    ? series.Close[start..plan.FitEnd]
                    : [.. Enumerable.Range(start, plan.FitEnd - start).Select(t => Math.Log(series.Close[t] / series.Close[t - 1]))];

                Assert.Equal(fitted.Min(), data.Folds[k].Scaler.Min);
                Assert.Equal(fitted.Max(), data.Folds[k].Scaler.Max);
            }
        }
    }

    [Fact]
    public void Validation_inputs_ignore_any_change_at_or_after_their_target()
    {
        var random = new Random(33);
        foreach (var (series, spec) in Cases(seed: 34, count: 150))
        {
            var data = ForecastDataset.Build(series, spec);
            var k = random.Next(data.Folds.Count);
            var split = data.Folds[k].Validation;
            var i = random.Next(split.Count);
            var t = split.TargetRows[i];
            var changed = (double[])series.Close.Clone();
            for (var r = t; r < changed.Length; r++)
            {
                changed[r] *= 1 + random.NextDouble();
            }

            var after = ForecastDataset.Build(RandomSeries.WithClose(series, changed), spec).Folds[k].Validation;

            Assert.Equal(split.Input(i).ToArray(), after.Input(i).ToArray());
            Assert.Equal(split.Frames[i], after.Frames[i]);
            Assert.Equal(split.NaiveTargets[i], after.NaiveTargets[i]);
        }
    }

    [Fact]
    public void Folds_are_chronological_equal_blocks_that_end_where_the_untouched_test_part_begins()
    {
        foreach (var (series, spec) in Cases(seed: 35, count: 150))
        {
            var data = ForecastDataset.Build(series, spec);
            var folds = data.Plan.Folds;
            for (var k = 1; k < folds.Count; k++)
            {
                Assert.Equal(folds[k - 1].ValidationEnd, folds[k].ValidationStart);
                Assert.Equal(folds[0].ValidationWindows, folds[k].ValidationWindows);
                Assert.True(data.Folds[k - 1].Validation.TargetRows.Max() < data.Folds[k].Validation.TargetRows.Min());
            }

            Assert.Equal(data.Plan.TrainEnd, folds[^1].ValidationEnd);
            Assert.Same(data, data.Folds[^1]);
            Assert.All(data.Folds.SkipLast(1), f => Assert.Equal(0, f.Test.Count));
            Assert.All(data.Test.TargetRows, t => Assert.True(t >= data.Plan.TrainEnd));
            Assert.Equal(Enumerable.Range(data.Plan.TrainEnd, series.Count - data.Plan.TrainEnd), data.Test.TargetRows);
            Assert.Equal(SplitKind.Validation, data.ObjectiveSplit);
        }
    }

    [Fact]
    public void Sliding_folds_keep_a_fixed_training_length_and_expanding_ones_grow_from_the_first_row()
    {
        foreach (var (series, spec) in Cases(seed: 36, count: 150))
        {
            var data = ForecastDataset.Build(series, spec);
            var first = data.Folds[0];
            foreach (var fold in data.Folds.Skip(1))
            {
                if (spec.FoldWindow == FoldWindow.Sliding)
                {
                    Assert.Equal(first.Plan.FitEnd - first.Plan.FitStart, fold.Plan.FitEnd - fold.Plan.FitStart);
                    Assert.Equal(first.Train.Count, fold.Train.Count);
                }
                else
                {
                    Assert.Equal(0, fold.Plan.FitStart);
                    Assert.Equal(first.Train.TargetRows[0], fold.Train.TargetRows[0]);
                    Assert.True(fold.Train.Count > first.Train.Count);
                }
            }
        }
    }

    [Fact]
    public void Minimum_rows_is_the_first_length_every_fold_can_use()
    {
        foreach (var target in new[] { ForecastTarget.Level, ForecastTarget.LogReturn })
        {
            for (var folds = 2; folds < 9; folds++)
            {
                for (var l = 1; l < 120; l += 9)
                {
                    var minimum = (int)SplitPlan.MinimumRows(l, Protocol.WalkForward, target, folds);
                    var plan = new SplitPlan(minimum, l, Protocol.WalkForward, target, folds, FoldWindow.Sliding);

                    Assert.True(plan.IsUsable);
                    Assert.Equal(folds, plan.Folds.Count);
                    Assert.All(Enumerable.Range(0, folds), k => Assert.True(plan.Fold(k).TrainWindows > 0 && plan.Fold(k).ValidationWindows > 0));
                    Assert.False(new SplitPlan(minimum - 1, l, Protocol.WalkForward, target, folds).IsUsable);
                }
            }
        }
    }
}
