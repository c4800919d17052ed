using System.Globalization;

namespace GanTuner.Data.Protocols;

/// <summary>
/// A price series turned into scaled sliding windows under a protocol: what a trial trains and scores on.
/// Built once per study and shared read-only by every trial.
/// </summary>
public sealed class ForecastDataset
{
    private readonly double[] _raw;
    private readonly double[][] _extras;

    private ForecastDataset(PriceSeries series, DatasetSpec spec, SplitPlan plan, WindowScaling scaling, double[] raw, double[][] extras, FeatureScaling featureScaling, IReadOnlyList<ForecastDataset> earlierFolds)
    {
        _extras = extras;
        FeatureScaling = featureScaling;
        Series = series;
        Spec = spec;
        Plan = plan;
        WindowScaling = scaling;
        _raw = raw;
        Prices = series.Prices(spec.Column);
        var rows = TargetRows(plan, spec.ShuffleSeed);
        Train = Windows(SplitKind.Train, rows.Train);
        Validation = Windows(SplitKind.Validation, rows.Validation);
        Test = Windows(SplitKind.Test, rows.Test);
        Folds = plan.Folds.Count == 0 ? [] : [.. earlierFolds, this];
    }

    public PriceSeries Series { get; }

    public DatasetSpec Spec { get; }

    public SplitPlan Plan { get; }

    /// <summary>Fitted on prices (level) or log returns (log-return) of rows before <see cref="SplitPlan.FitEnd"/>.</summary>
    public MinMaxScaler Scaler => WindowScaling.MinMax;

    /// <summary>How each window is scaled; fitted on rows before <see cref="SplitPlan.FitEnd"/> only.</summary>
    public WindowScaling WindowScaling { get; }

    /// <summary>How the extra inputs beyond the close are scaled; fitted on rows before <see cref="SplitPlan.FitEnd"/> only.</summary>
    public FeatureScaling FeatureScaling { get; }

    /// <summary>Inputs per time step.</summary>
    public int Features => 1 + FeatureScaling.Extras;

    /// <summary>The modelled price column.</summary>
    public double[] Prices { get; }

    public int SequenceLength => Spec.SequenceLength;

    public WindowSplit Train { get; }

    /// <summary>Empty under the paper protocols.</summary>
    public WindowSplit Validation { get; }

    public WindowSplit Test { get; }

    /// <summary>
    /// Walk-forward's folds, earliest first, each with its own training windows, validation block and scaler, fitted
    /// on its own training rows; the last one is this dataset itself, the only one with test windows. Empty for the
    /// other protocols.
    /// </summary>
    public IReadOnlyList<ForecastDataset> Folds { get; }

    /// <summary>The split whose MSE a tuner minimises: validation under holdout, test under the paper protocols.</summary>
    public SplitKind ObjectiveSplit => Plan.ObjectiveSplit;

    public WindowSplit Objective => Split(ObjectiveSplit);

    /// <summary>True for protocols that let future prices shape training.</summary>
    public bool IsLeaky => Spec.Protocol == Protocol.PaperShuffled;

    public WindowSplit Split(SplitKind kind) => kind switch
    {
        SplitKind.Train => Train,
        SplitKind.Validation => Validation,
        SplitKind.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The input window for the day after the last row: what a "next close" prediction uses.</summary>
    public float[] NextInput() => NextInput(out _);

    /// <summary>The input window for the day after the last row, and its frame.</summary>
    public float[] NextInput(out WindowFrame frame)
    {
        var input = new float[SequenceLength * Features];
        frame = CopyInput(_raw.Length, input);
        return input;
    }

    /// <summary>
    /// Maps a model's scaled prediction for a target day to a price, given the close of the day before.
    /// Global scaling only: under window scaling each window has its own frame (use the overload with a split).
    /// </summary>
    public double ToPrice(double scaledPrediction, double previousClose) =>
        Spec.Scaling == Scaling.Global
            ? ToPrice(Spec.Target, WindowScaling.Frame([]), scaledPrediction, previousClose)
            : throw new InvalidOperationException("under window scaling a prediction maps back through its own window's frame");

    /// <summary>Maps a model's scaled prediction for window <paramref name="window"/> of <paramref name="split"/> to a price.</summary>
    public double ToPrice(WindowSplit split, int window, double scaledPrediction)
    {
        ArgumentNullException.ThrowIfNull(split);
        return ToPrice(Spec.Target, split.Frames[window], scaledPrediction, split.PreviousClose[window]);
    }

    /// <summary>Maps a scaled prediction to a price through its window's frame and the close of the day before.</summary>
    public static double ToPrice(ForecastTarget target, WindowFrame frame, double scaledPrediction, double previousClose) => target switch
    {
        ForecastTarget.Level => frame.Inverse(scaledPrediction),
        ForecastTarget.LogReturn => previousClose * Math.Exp(frame.Inverse(scaledPrediction)),
        _ => throw new InvalidOperationException($"unknown target {target}"),
    };

    /// <exception cref="PriceDataException">Too few rows for the protocol and sequence length, or a constant fitting part.</exception>
    public static ForecastDataset Build(PriceSeries series, DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.SequenceLength, 1);
        var plan = new SplitPlan(series.Count, spec.SequenceLength, spec.Protocol, spec.Target, spec.Folds, spec.FoldWindow);
        if (!plan.IsUsable)
        {
            var need = SplitPlan.MinimumRows(spec.SequenceLength, spec.Protocol, spec.Target, spec.Folds);
            throw new PriceDataException(
                $"{series.Source}: too few rows for protocol {spec.Protocol.Name()} and sequence length {spec.SequenceLength} "
                + $"({series.Count} rows; need at least {need})");
        }

        var prices = series.Prices(spec.Column);
        var raw = spec.Target == ForecastTarget.Level ? prices : LogReturns(prices);
        var extras = FeatureColumns.Compute(series, spec.Column, spec.Features);
        // Every fold fits the extra inputs' scaling on its own fitting rows, as it does the close's.
        FeatureScaling FitFeatures(SplitPlan part) =>
            extras.Length == 0 ? FeatureScaling.CloseOnly : FeatureScaling.Fit(spec.Features, extras, part.FitStart, part.FitEnd, series.Source);
        var earlier = plan.Folds.Count == 0 ? [] : Enumerable.Range(0, plan.Folds.Count - 1)
            .Select(k => plan.Fold(k))
            .Select(fold => new ForecastDataset(series, spec, fold, FitScaling(series, spec, fold, prices, raw), raw, extras, FitFeatures(fold), []))
            .ToArray();
        return new ForecastDataset(series, spec, plan, FitScaling(series, spec, plan, prices, raw), raw, extras, FitFeatures(plan), earlier);
    }

    /// <summary>The scaling fitted on the rows [FitStart, FitEnd) of <paramref name="plan"/> only: nothing a later
    /// split holds reaches it.</summary>
    private static WindowScaling FitScaling(PriceSeries series, DatasetSpec spec, SplitPlan plan, double[] prices, double[] raw)
    {
        // A log return needs the close before it, so the fold's returns start one row into its rows (row 1 at the least).
        var fitStart = spec.Target == ForecastTarget.Level ? plan.FitStart : plan.FitStart + 1;
        var fitPart = raw.AsSpan(fitStart, Math.Max(0, plan.FitEnd - fitStart));
        if (fitPart.IsEmpty || fitPart.IndexOfAnyExcept(fitPart[0]) < 0)
        {
            throw new PriceDataException(
                $"{series.Source}: the {spec.Target.Name()} values the scaler is fitted on (rows {fitStart + 1} to {plan.FitEnd}) are all equal");
        }

        var scaler = MinMaxScaler.Fit(fitPart);
        var typical = WindowScaling.RmsLogReturn(prices.AsSpan(plan.FitStart, plan.FitEnd - plan.FitStart));
        return new WindowScaling(spec.Scaling, spec.Target, scaler, spec.Scaling == Scaling.Window ? typical : double.NaN);
    }

    /// <summary>A one-line summary for logs and reports.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Spec.Protocol.Name()}{(Folds.Count > 0 ? $" K={Folds.Count} {Spec.FoldWindow.Name()}" : string.Empty)}/{Spec.Target.Name()}/{Spec.Scaling.Name()} L={SequenceLength}, inputs {Spec.Features.Name()}: train {Train.Count}, validation {Validation.Count}, test {Test.Count} windows");

    private static double[] LogReturns(double[] prices)
    {
        var returns = new double[prices.Length];
        for (var t = 1; t < prices.Length; t++)
        {
            returns[t] = Math.Log(prices[t] / prices[t - 1]);
        }

        return returns;
    }

    private static (int[] Train, int[] Validation, int[] Test) TargetRows(SplitPlan plan, int seed)
    {
        var first = plan.FirstTarget;
        switch (plan.Protocol)
        {
            case Protocol.PaperShuffled:
                var all = Enumerable.Range(first, plan.Rows - first).ToArray();
                // Fixed, seeded permutation: System.Random(seed) is stable across runtimes for a given seed.
                new Random(seed).Shuffle(all);
                return (all[..plan.TrainWindows], [], all[plan.TrainWindows..]);
            default:
                var validationStart = Math.Max(first, plan.FitEnd);
                var testStart = Math.Max(first, plan.TrainEnd);
                return (
                    Enumerable.Range(plan.TrainStart, plan.TrainWindows).ToArray(),
                    Enumerable.Range(validationStart, plan.ValidationWindows).ToArray(),
                    Enumerable.Range(testStart, plan.TestWindows).ToArray());
        }
    }

    private WindowSplit Windows(SplitKind kind, int[] rows)
    {
        var l = SequenceLength;
        var width = l * Features;
        var inputs = new float[rows.Length * width];
        var targets = new float[rows.Length];
        var naive = new float[rows.Length];
        var previous = new double[rows.Length];
        var actual = new double[rows.Length];
        var dates = new DateOnly[rows.Length];
        var frames = new WindowFrame[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var t = rows[i];
            var frame = CopyInput(t, inputs.AsSpan(i * width, width));
            frames[i] = frame;
            targets[i] = (float)frame.Forward(_raw[t]);
            // Persistence predicts an unchanged close: the previous close, or a zero log return.
            naive[i] = (float)frame.Forward(Spec.Target == ForecastTarget.Level ? _raw[t - 1] : 0.0);
            previous[i] = Prices[t - 1];
            actual[i] = Prices[t];
            dates[i] = Series.Dates[t];
        }

        return new WindowSplit(kind, l, Features, rows, dates, inputs, targets, naive, previous, actual, frames);
    }

    // The input of target row t is rows t−L … t−1 only, and so is its frame.
    private WindowFrame CopyInput(int targetRow, Span<float> destination) =>
        FeatureScaling.Write(WindowScaling, _raw, _extras, targetRow, SequenceLength, destination);
}
