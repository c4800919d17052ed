using GanTuner.Data.Protocols;

namespace GanTuner.Data.Tests.Protocols;

/// <summary>The properties a forecaster must be able to trust, checked over many random lengths and window sizes.</summary>
public sealed class ForecastDatasetTests
{
    private static readonly Protocol[] AllProtocols = [Protocol.Holdout, Protocol.Paper, Protocol.PaperShuffled, Protocol.WalkForward];
    private static readonly ForecastTarget[] AllTargets = [ForecastTarget.Level, ForecastTarget.LogReturn];
    private static readonly Scaling[] AllScalings = [Scaling.Global, Scaling.Window];

    private static IEnumerable<(PriceSeries Series, DatasetSpec Spec)> Cases(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var l = random.Next(1, 40);
            var protocol = AllProtocols[random.Next(AllProtocols.Length)];
            var target = AllTargets[random.Next(AllTargets.Length)];
            var minimum = (int)SplitPlan.MinimumRows(l, protocol, target);
            var rows = minimum + random.Next(0, 300);
            var scaling = AllScalings[random.Next(AllScalings.Length)];
            yield return (RandomSeries.Walk(random, rows), new DatasetSpec(l, protocol, target, ShuffleSeed: random.Next(), Scaling: scaling));
        }
    }

    [Fact]
    public void Every_window_input_is_the_L_scaled_values_before_its_target_and_nothing_later()
    {
        foreach (var (series, spec) in Cases(seed: 1, count: 200))
        {
            var data = ForecastDataset.Build(series, spec);
            var raw = Raw(series.Close, spec.Target);
            foreach (var split in new[] { data.Train, data.Validation, data.Test })
            {
                for (var i = 0; i < split.Count; i++)
                {
                    var t = split.TargetRows[i];
                    Assert.True(t - spec.SequenceLength >= (spec.Target == ForecastTarget.Level ? 0 : 1));
                    var input = split.Input(i);
                    var frame = data.WindowScaling.Frame(raw.AsSpan(t - spec.SequenceLength, spec.SequenceLength));
                    Assert.Equal(frame, split.Frames[i]);
                    for (var j = 0; j < spec.SequenceLength; j++)
                    {
                        Assert.Equal((float)frame.Forward(raw[t - spec.SequenceLength + j]), input[j]);
                        if (spec.Scaling == Scaling.Global)
                        {
                            Assert.Equal((float)data.Scaler.Transform(raw[t - spec.SequenceLength + j]), input[j]);
                        }
                    }

                    Assert.Equal((float)frame.Forward(raw[t]), split.Targets[i]);
                    Assert.Equal(series.Close[t - 1], split.PreviousClose[i]);
                    Assert.Equal(series.Close[t], split.ActualClose[i]);
                    Assert.Equal(series.Dates[t], split.TargetDates[i]);
                }
            }
        }
    }

    [Fact]
    public void Holdout_validation_and_test_inputs_ignore_any_change_at_or_after_their_target()
    {
        var random = new Random(2);
        foreach (var (series, spec) in Cases(seed: 3, count: 200).Where(c => c.Spec.Protocol == Protocol.Holdout))
        {
            var data = ForecastDataset.Build(series, spec);
            var split = random.Next(2) == 0 ? data.Validation : data.Test;
            var i = random.Next(split.Count);
            var t = split.TargetRows[i];
            var changed = (double[])series.Close.Clone();
            for (var k = t; k < changed.Length; k++)
            {
                changed[k] *= 1 + random.NextDouble();
            }

            var after = ForecastDataset.Build(RandomSeries.WithClose(series, changed), spec);

            Assert.Equal(split.Input(i).ToArray(), after.Split(split.Kind).Input(i).ToArray());
            Assert.Equal(split.NaiveTargets[i], after.Split(split.Kind).NaiveTargets[i]);
            Assert.Equal(split.Frames[i], after.Split(split.Kind).Frames[i]);
            Assert.Equal(split.PreviousClose[i], after.Split(split.Kind).PreviousClose[i]);
        }
    }

    [Fact]
    public void Holdout_scaler_never_sees_validation_or_test_values()
    {
        var random = new Random(4);
        foreach (var (series, spec) in Cases(seed: 5, count: 200).Where(c => c.Spec.Protocol == Protocol.Holdout))
        {
            var data = ForecastDataset.Build(series, spec);
            var changed = (double[])series.Close.Clone();
            for (var k = data.Plan.FitEnd; k < changed.Length; k++)
            {
                changed[k] = random.Next(2) == 0 ? 1e-3 : 1e6;
            }

            var after = ForecastDataset.Build(RandomSeries.WithClose(series, changed), spec);

            Assert.Equal(data.Scaler, after.Scaler);
            Assert.Equal(data.WindowScaling, after.WindowScaling);
            Assert.Equal(data.Train.Inputs, after.Train.Inputs);
            Assert.Equal(data.Train.Targets, after.Train.Targets);
            Assert.All(data.Train.TargetRows, t => Assert.True(t < data.Plan.FitEnd));
            Assert.All(data.Validation.TargetRows, t => Assert.InRange(t, data.Plan.FitEnd, data.Plan.TrainEnd - 1));
            Assert.All(data.Test.TargetRows, t => Assert.True(t >= data.Plan.TrainEnd));
        }
    }

    [Fact]
    public void Paper_scaler_spans_the_whole_series()
    {
        var series = RandomSeries.Walk(new Random(6), 500);

        var data = ForecastDataset.Build(series, new DatasetSpec(10, Protocol.Paper));

        Assert.Equal(series.Close.Min(), data.Scaler.Min);
        Assert.Equal(series.Close.Max(), data.Scaler.Max);
    }

    [Fact]
    public void Chronological_splits_are_disjoint_ordered_and_cover_every_window()
    {
        foreach (var (series, spec) in Cases(seed: 7, count: 200).Where(c => c.Spec.Protocol != Protocol.PaperShuffled))
        {
            var data = ForecastDataset.Build(series, spec);
            var all = data.Train.TargetRows.Concat(data.Validation.TargetRows).Concat(data.Test.TargetRows).ToArray();

            Assert.Equal(Enumerable.Range(data.Plan.FirstTarget, series.Count - data.Plan.FirstTarget), all);
            Assert.Equal(data.Plan.TrainEnd, (int)(series.Count * 0.8));
        }
    }

    [Fact]
    public void Paper_level_windows_match_the_pytorch_anchor_indexing()
    {
        var random = new Random(8);
        for (var c = 0; c < 100; c++)
        {
            var l = random.Next(1, 60);
            var n = l + 10 + random.Next(400);
            var data = ForecastDataset.Build(RandomSeries.Walk(random, n), new DatasetSpec(l, Protocol.Paper));
            var nTrain = (int)(n * 0.8);

            // torch_trial.py: windows(0, n_train) and windows(n_train - seq, n) with idx = arange(a, b - seq).
            Assert.Equal(Enumerable.Range(0, nTrain - l).Select(i => i + l), data.Train.TargetRows);
            Assert.Equal(Enumerable.Range(nTrain - l, n - nTrain).Select(i => i + l), data.Test.TargetRows);
            Assert.Equal(0, data.Validation.Count);
        }
    }

    [Fact]
    public void Paper_shuffled_is_a_seeded_random_80_20_split_of_all_windows()
    {
        var series = RandomSeries.Walk(new Random(9), 400);
        var spec = new DatasetSpec(20, Protocol.PaperShuffled, ShuffleSeed: 11);

        var data = ForecastDataset.Build(series, spec);
        var again = ForecastDataset.Build(series, spec);
        var other = ForecastDataset.Build(series, spec with { ShuffleSeed = 12 });

        var windows = 400 - 20;
        Assert.Equal((int)(windows * 0.8), data.Train.Count);
        Assert.Equal(Enumerable.Range(20, windows), data.Train.TargetRows.Concat(data.Test.TargetRows).Order());
        Assert.Equal(data.Train.TargetRows, again.Train.TargetRows);
        Assert.NotEqual(data.Train.TargetRows, other.Train.TargetRows);
        Assert.True(data.Train.TargetRows.Max() > data.Test.TargetRows.Min(), "training windows come from after test days");
        Assert.True(data.IsLeaky);
        Assert.Contains("LEAKY", Protocol.PaperShuffled.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Objective_split_is_validation_for_holdout_and_test_for_paper_protocols()
    {
        var series = RandomSeries.Walk(new Random(10), 300);

        Assert.Equal(SplitKind.Validation, ForecastDataset.Build(series, new DatasetSpec(5)).ObjectiveSplit);
        Assert.Equal(SplitKind.Test, ForecastDataset.Build(series, new DatasetSpec(5, Protocol.Paper)).ObjectiveSplit);
        var shuffled = ForecastDataset.Build(series, new DatasetSpec(5, Protocol.PaperShuffled));
        Assert.Same(shuffled.Test, shuffled.Objective);
    }

    [Fact]
    public void Log_return_targets_rebuild_the_actual_close_from_the_previous_close()
    {
        foreach (var (series, spec) in Cases(seed: 12, count: 100).Where(c => c.Spec.Target == ForecastTarget.LogReturn))
        {
            var data = ForecastDataset.Build(series, spec);
            foreach (var split in new[] { data.Train, data.Validation, data.Test })
            {
                for (var i = 0; i < split.Count; i++)
                {
                    var price = data.ToPrice(split, i, split.Targets[i]);

                    Assert.Equal(split.ActualClose[i], price, split.ActualClose[i] * 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Level_targets_map_back_to_the_actual_close()
    {
        var series = RandomSeries.Walk(new Random(13), 300);
        var data = ForecastDataset.Build(series, new DatasetSpec(7));

        for (var i = 0; i < data.Test.Count; i++)
        {
            Assert.Equal(data.Test.ActualClose[i], data.ToPrice(data.Test.Targets[i], double.NaN), data.Test.ActualClose[i] * 1e-5);
        }
    }

    [Fact]
    public void Naive_forecast_is_the_previous_close_on_the_same_windows()
    {
        foreach (var (series, spec) in Cases(seed: 14, count: 100))
        {
            var data = ForecastDataset.Build(series, spec);
            foreach (var split in new[] { data.Train, data.Validation, data.Test })
            {
                for (var i = 0; i < split.Count; i++)
                {
                    var naivePrice = data.ToPrice(split, i, split.NaiveTargets[i]);

                    Assert.Equal(series.Close[split.TargetRows[i] - 1], naivePrice, naivePrice * 1e-5);
                    if (spec.Target == ForecastTarget.Level)
                    {
                        Assert.Equal(split.Input(i)[^1], split.NaiveTargets[i]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Window_scaled_levels_map_back_to_the_actual_close()
    {
        foreach (var (series, spec) in Cases(seed: 20, count: 60).Where(c => c.Spec.Target == ForecastTarget.Level))
        {
            var data = ForecastDataset.Build(series, spec with { Scaling = Scaling.Window });
            for (var i = 0; i < data.Test.Count; i++)
            {
                Assert.Equal(data.Test.ActualClose[i], data.ToPrice(data.Test, i, data.Test.Targets[i]), data.Test.ActualClose[i] * 1e-5);
            }
        }
    }

    [Fact]
    public void Window_scaling_makes_persistence_a_zero_output_and_ignores_the_price_level()
    {
        foreach (var (series, spec) in Cases(seed: 21, count: 60))
        {
            var window = spec with { Scaling = Scaling.Window };
            var data = ForecastDataset.Build(series, window);
            var tenfold = ForecastDataset.Build(RandomSeries.WithClose(series, [.. series.Close.Select(c => c * 10)]), window);

            Assert.All(data.Test.NaiveTargets, n => Assert.Equal(0f, n));
            Assert.Equal(data.Test.Inputs, tenfold.Test.Inputs);
            Assert.Equal(data.Test.Targets, tenfold.Test.Targets);
            Assert.Throws<InvalidOperationException>(() => data.ToPrice(0.0, 1.0));
        }
    }

    [Fact]
    public void Next_input_is_the_last_L_scaled_values()
    {
        var series = RandomSeries.Walk(new Random(15), 200);
        var data = ForecastDataset.Build(series, new DatasetSpec(12));

        var expected = series.Close[^12..].Select(v => (float)data.Scaler.Transform(v));

        Assert.Equal(expected, data.NextInput());
    }

    [Fact]
    public void Too_few_rows_names_the_minimum_and_the_minimum_is_enough()
    {
        var random = new Random(16);
        for (var c = 0; c < 60; c++)
        {
            var spec = new DatasetSpec(random.Next(1, 80), AllProtocols[c % 4], AllTargets[c / 4 % 2]);
            var minimum = (int)SplitPlan.MinimumRows(spec.SequenceLength, spec.Protocol, spec.Target);

            var e = Assert.Throws<PriceDataException>(() => ForecastDataset.Build(RandomSeries.Walk(random, minimum - 1), spec));
            var data = ForecastDataset.Build(RandomSeries.Walk(random, minimum), spec);

            Assert.EndsWith($"({minimum - 1} rows; need at least {minimum})", e.Message, StringComparison.Ordinal);
            Assert.True(data.Train.Count > 0 && data.Test.Count > 0);
        }
    }

    [Theory]
    [InlineData(99_999_999)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MaxValue)]
    public void A_sequence_length_longer_than_any_series_is_a_data_error_naming_the_minimum(int l)
    {
        var series = RandomSeries.Walk(new Random(19), 300);
        foreach (var protocol in AllProtocols)
        {
            foreach (var target in AllTargets)
            {
                var minimum = SplitPlan.MinimumRows(l, protocol, target);

                var e = Assert.Throws<PriceDataException>(() => ForecastDataset.Build(series, new DatasetSpec(l, protocol, target)));

                Assert.True(minimum > l, $"{protocol}/{target}: {minimum} rows cannot hold L = {l} plus a test window");
                Assert.EndsWith($"(300 rows; need at least {minimum})", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Minimum_rows_is_the_first_usable_length_for_every_protocol()
    {
        foreach (var protocol in AllProtocols)
        {
            foreach (var target in AllTargets)
            {
                for (var l = 1; l < 200; l += 7)
                {
                    var minimum = (int)SplitPlan.MinimumRows(l, protocol, target);

                    Assert.True(new SplitPlan(minimum, l, protocol, target).IsUsable);
                    Assert.False(new SplitPlan(minimum - 1, l, protocol, target).IsUsable);
                }
            }
        }
    }

    [Fact]
    public void Constant_prices_in_the_fitting_part_are_a_data_error()
    {
        var walk = RandomSeries.Walk(new Random(17), 100);
        var flat = RandomSeries.WithClose(walk, [.. Enumerable.Repeat(50.0, 100)]);

        var e = Assert.Throws<PriceDataException>(() => ForecastDataset.Build(flat, new DatasetSpec(5)));

        Assert.Contains("are all equal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flat_arrays_hold_count_times_L_inputs()
    {
        var data = ForecastDataset.Build(RandomSeries.Walk(new Random(18), 1000), new DatasetSpec(25, Protocol.Holdout, ForecastTarget.LogReturn));

        Assert.Equal(data.Train.Count * 25, data.Train.Inputs.Length);
        Assert.Equal(data.Plan.TrainWindows, data.Train.Count);
        Assert.Equal(data.Plan.ValidationWindows, data.Validation.Count);
        Assert.Equal(data.Plan.TestWindows, data.Test.Count);
    }

    private static double[] Raw(double[] close, ForecastTarget target)
    {
        if (target == ForecastTarget.Level)
        {
            return close;
        }

        var r = new double[close.Length];
        for (var t = 1; t < close.Length; t++)
        {
            r[t] = Math.Log(close[t] / close[t - 1]);
        }

        return r;
    }
}
