using GanTuner.Data.Protocols;

namespace GanTuner.Data.Tests.Protocols;

/// <summary>Windows with inputs beyond the close: each time step carries the close and then the extras, each scaled
/// from the fitting rows or its own window only, and nothing from the target day or later.</summary>
public sealed class FeatureWindowTests
{
    private const InputFeatures All = InputFeatures.Close | InputFeatures.Return | InputFeatures.Range | InputFeatures.Volume;
    private static readonly Protocol[] AllProtocols = [Protocol.Holdout, Protocol.Paper, Protocol.PaperShuffled];

    private static PriceSeries Bars(Random random, int rows, double[]? close = null, double[]? high = null, double[]? low = null, double[]? volume = null)
    {
        var walk = RandomSeries.Walk(random, rows);
        close ??= walk.Close;
        high ??= [.. close.Select(c => c * (1 + (0.02 * random.NextDouble())))];
        low ??= [.. close.Select(c => c * (1 - (0.02 * random.NextDouble())))];
        volume ??= [.. close.Select(_ => 1e6 * (1 + random.NextDouble()))];
        return new PriceSeries("bars", walk.Dates, close, high: high, low: low, volume: volume);
    }

    private static IEnumerable<(PriceSeries Series, DatasetSpec Spec)> Cases(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var l = random.Next(1, 30);
            var protocol = AllProtocols[random.Next(AllProtocols.Length)];
            var target = random.Next(2) == 0 ? ForecastTarget.Level : ForecastTarget.LogReturn;
            var rows = (int)SplitPlan.MinimumRows(l, protocol, target) + random.Next(5, 200);
            var scaling = random.Next(2) == 0 ? Scaling.Global : Scaling.Window;
            yield return (Bars(random, rows), new DatasetSpec(l, protocol, target, ShuffleSeed: random.Next(), Scaling: scaling, Features: All));
        }
    }

    [Fact]
    public void Each_step_holds_the_close_as_without_features_then_return_range_and_volume_scaled_by_their_own_frames()
    {
        foreach (var (series, spec) in Cases(seed: 11, count: 120))
        {
            var data = ForecastDataset.Build(series, spec);
            var closeOnly = ForecastDataset.Build(series, spec with { Features = InputFeatures.Close });
            var c = series.Close;
            double[][] extras =
            [
                [.. c.Select((v, t) => t == 0 ? 0 : Math.Log(v / c[t - 1]))],
                [.. c.Select((v, t) => (series.High![t] - series.Low![t]) / v)],
                [.. series.Volume!.Select(v => Math.Log(1 + v))],
            ];
            Assert.Equal(4, data.Features);
            foreach (var split in new[] { data.Train, data.Validation, data.Test })
            {
                var plain = closeOnly.Split(split.Kind);
                Assert.Equal(plain.Targets, split.Targets);
                for (var i = 0; i < split.Count; i++)
                {
                    var t = split.TargetRows[i];
                    var input = split.Input(i);
                    Assert.Equal(spec.SequenceLength * 4, input.Length);
                    for (var k = 0; k < 3; k++)
                    {
                        var window = extras[k].AsSpan(t - spec.SequenceLength, spec.SequenceLength);
                        var frame = data.FeatureScaling.Frame(spec.Scaling, k, window);
                        for (var j = 0; j < spec.SequenceLength; j++)
                        {
                            Assert.Equal(plain.Input(i)[j], input[j * 4]);
                            Assert.Equal((float)frame.Forward(window[j]), input[(j * 4) + 1 + k]);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Holdout_feature_inputs_ignore_any_change_of_any_column_at_or_after_their_target_and_the_fit_ignores_later_rows()
    {
        var random = new Random(12);
        foreach (var (series, spec) in Cases(seed: 13, count: 200).Where(c => c.Spec.Protocol == Protocol.Holdout))
        {
            var data = ForecastDataset.Build(series, spec);
            var split = random.Next(2) == 0 ? data.Validation : data.Test;
            var i = random.Next(split.Count);
            var t = split.TargetRows[i];
            var from = random.Next(2) == 0 ? t : data.Plan.FitEnd;
            double[] Changed(double[] column) => [.. column.Select((v, k) => k >= from ? v * (1 + random.NextDouble()) : v)];
            var close = Changed(series.Close);
            var after = ForecastDataset.Build(
                Bars(random, series.Count, close, [.. Changed(series.High!).Select((h, k) => Math.Max(h, close[k]))], [.. Changed(series.Low!).Select((l, k) => Math.Min(l, close[k]))], Changed(series.Volume!)),
                spec);

            if (from >= data.Plan.FitEnd)
            {
                Assert.Equal(data.FeatureScaling.Min, after.FeatureScaling.Min);
                Assert.Equal(data.FeatureScaling.Spread, after.FeatureScaling.Spread);
                Assert.Equal(data.Train.Inputs, after.Train.Inputs);
            }

            if (from >= t)
            {
                Assert.Equal(split.Input(i).ToArray(), after.Split(split.Kind).Input(i).ToArray());
            }
        }
    }

    [Fact]
    public void Walk_forward_folds_fit_their_feature_scaling_on_their_own_rows_and_no_later_column_value_reaches_their_training_windows()
    {
        var random = new Random(15);
        for (var i = 0; i < 60; i++)
        {
            var l = random.Next(1, 20);
            var folds = random.Next(2, 6);
            var rows = (int)SplitPlan.MinimumRows(l, Protocol.WalkForward, ForecastTarget.Level, folds) + random.Next(10, 200);
            var series = Bars(random, rows);
            var spec = new DatasetSpec(l, Protocol.WalkForward, Scaling: random.Next(2) == 0 ? Scaling.Global : Scaling.Window, Features: All, Folds: folds,
                FoldWindow: random.Next(2) == 0 ? FoldWindow.Expanding : FoldWindow.Sliding);
            var data = ForecastDataset.Build(series, spec);
            var k = random.Next(data.Folds.Count);
            var plan = data.Plan.Folds[k];
            double[] Changed(double[] column) => [.. column.Select((v, r) => r >= plan.ValidationStart ? v * (1 + random.NextDouble()) : v)];
            var close = Changed(series.Close);
            var after = ForecastDataset.Build(
                Bars(random, rows, close, [.. Changed(series.High!).Select((h, r) => Math.Max(h, close[r]))], [.. Changed(series.Low!).Select((lo, r) => Math.Min(lo, close[r]))], Changed(series.Volume!)),
                spec).Folds[k];

            Assert.Equal(4, data.Folds[k].Features);
            Assert.Equal(data.Folds[k].FeatureScaling.Min, after.FeatureScaling.Min);
            Assert.Equal(data.Folds[k].FeatureScaling.Spread, after.FeatureScaling.Spread);
            Assert.Equal(data.Folds[k].Train.Inputs, after.Train.Inputs);
        }
    }

    [Fact]
    public void Features_the_data_cannot_give_are_refused_in_one_line_naming_the_column()
    {
        var random = new Random(14);
        var walk = RandomSeries.Walk(random, 200);
        var volume = Assert.Throws<PriceDataException>(() => ForecastDataset.Build(walk, new DatasetSpec(5, Features: InputFeatures.Close | InputFeatures.Volume)));
        var range = Assert.Throws<PriceDataException>(() => ForecastDataset.Build(walk, new DatasetSpec(5, Features: InputFeatures.Close | InputFeatures.Range)));

        Assert.Equal("random walk: has no volume column, which --features volume needs", volume.Message);
        Assert.Equal("random walk: has no high and low columns, which --features range needs", range.Message);
        Assert.False(InputFeatureNames.TryParse("close,vol", out _, out var unknown));
        Assert.Equal("--features takes a comma-separated list of close, return, range, volume, not 'vol'", unknown);
        Assert.False(InputFeatureNames.TryParse("return,range", out _, out var noClose));
        Assert.StartsWith("--features must include close", noClose, StringComparison.Ordinal);
        Assert.True(InputFeatureNames.TryParse("Volume, close,return", out var parsed, out _));
        Assert.Equal("close,return,volume", parsed.Name());
    }
}
