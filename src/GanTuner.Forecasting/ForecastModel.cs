using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Neural;
using GanTuner.Neural.Lstm;

namespace GanTuner.Forecasting;

/// <summary>
/// A trained LSTM together with what it needs to forecast prices: the windowing (sequence length,
/// target, column) and the fitted scaler. Saved as an <see cref="LstmModelFile"/> whose metadata
/// carries those facts.
/// </summary>
public sealed class ForecastModel
{
    private const string Kind = "gantuner-forecast";

    /// <summary>Bundles a network with its data facts, scaled globally by <paramref name="scaler"/>.</summary>
    public ForecastModel(LstmNetwork<float> network, DatasetSpec data, MinMaxScaler scaler)
        : this(network, data, new WindowScaling(Scaling.Global, data?.Target ?? ForecastTarget.Level, scaler, double.NaN))
    {
    }

    /// <summary>Bundles a network with its data facts and the scaling fitted when it was trained (of the close, and
    /// of the extra inputs when <paramref name="data"/> has features beyond it).</summary>
    public ForecastModel(LstmNetwork<float> network, DatasetSpec data, WindowScaling scaling, FeatureScaling? features = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scaling);
        features ??= FeatureScaling.CloseOnly;
        if (features.Features != data.Features || network.Spec.InputSize != 1 + features.Extras)
        {
            throw new ArgumentException(
                $"the model has {network.Spec.InputSize} input(s) and features {data.Features.Name()}, the feature scaling is for {features.Features.Name()}", nameof(features));
        }

        Network = network;
        Data = data with { Scaling = scaling.Kind };
        WindowScaling = scaling;
        FeatureScaling = features;
    }

    /// <summary>How the inputs beyond the close are scaled, as fitted when the model was trained.</summary>
    public FeatureScaling FeatureScaling { get; }

    /// <summary>The trained network.</summary>
    public LstmNetwork<float> Network { get; }

    /// <summary>How windows were built (sequence length, protocol, target, column).</summary>
    public DatasetSpec Data { get; }

    /// <summary>The min–max scaler fitted when the model was trained (every window's frame under global scaling).</summary>
    public MinMaxScaler Scaler => WindowScaling.MinMax;

    /// <summary>How each input window is scaled, as fitted when the model was trained.</summary>
    public WindowScaling WindowScaling { get; }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFileException">Not a forecast model file, or damaged.</exception>
    public static ForecastModel Load(string path)
    {
        var (network, meta) = LstmModelFile.Load(path);
        try
        {
            if (!meta.TryGetValue("kind", out var kind) || kind != Kind)
            {
                throw new ModelFileException($"{path}: an LSTM file without forecasting metadata");
            }

            // Files written before window scaling existed carry no "scaling" entry: they were global.
            var scalingKind = meta.TryGetValue("scaling", out var scalingName) ? Enum.Parse<Scaling>(scalingName) : Scaling.Global;
            // Files written before features existed carry no "features" entry: the close alone.
            var features = meta.TryGetValue("features", out var featureNames)
                ? (InputFeatureNames.TryParse(featureNames, out var parsed, out var problem) ? parsed : throw new FormatException(problem))
                : InputFeatures.Close;
            var spec = new DatasetSpec(
                int.Parse(meta["sequenceLength"], CultureInfo.InvariantCulture),
                Enum.Parse<Protocol>(meta["protocol"]),
                Enum.Parse<ForecastTarget>(meta["target"]),
                Enum.Parse<PriceColumn>(meta["column"]),
                Scaling: scalingKind,
                Features: features);
            var scaler = new MinMaxScaler(
                double.Parse(meta["scalerMin"], CultureInfo.InvariantCulture),
                double.Parse(meta["scalerMax"], CultureInfo.InvariantCulture));
            var scaling = scalingKind == Scaling.Global
                ? new WindowScaling(scalingKind, spec.Target, scaler, double.NaN)
                : new WindowScaling(
                    scalingKind,
                    spec.Target,
                    scaler,
                    double.Parse(meta["typicalChange"], CultureInfo.InvariantCulture),
                    double.Parse(meta["priorWeight"], CultureInfo.InvariantCulture));
            var featureScaling = features == InputFeatures.Close
                ? FeatureScaling.CloseOnly
                : new FeatureScaling(features, Numbers(meta["featureMin"]), Numbers(meta["featureMax"]), Numbers(meta["featureSpread"]));
            return new ForecastModel(network, spec, scaling, featureScaling);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or ArgumentException or OverflowException)
        {
            throw new ModelFileException($"{path}: damaged forecasting metadata ({ex.Message})", ex);
        }
    }

    /// <summary>Writes the model (replacing <paramref name="path"/> only once fully written).</summary>
    public void Save(string path)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = Kind,
            ["sequenceLength"] = Data.SequenceLength.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = Data.Protocol.ToString(),
            ["target"] = Data.Target.ToString(),
            ["column"] = Data.Column.ToString(),
            ["scalerMin"] = Scaler.Min.ToString("R", CultureInfo.InvariantCulture),
            ["scalerMax"] = Scaler.Max.ToString("R", CultureInfo.InvariantCulture),
            ["scaling"] = WindowScaling.Kind.ToString(),
            ["features"] = Data.Features.Name(),
        };
        if (FeatureScaling.Extras > 0)
        {
            meta["featureMin"] = Text(FeatureScaling.Min);
            meta["featureMax"] = Text(FeatureScaling.Max);
            meta["featureSpread"] = Text(FeatureScaling.Spread);
        }

        if (WindowScaling.Kind == Scaling.Window)
        {
            meta["typicalChange"] = WindowScaling.TypicalChange.ToString("R", CultureInfo.InvariantCulture);
            meta["priorWeight"] = WindowScaling.PriorWeight.ToString("R", CultureInfo.InvariantCulture);
        }

        LstmModelFile.Save(path, Network, meta);
    }

    /// <summary>Scaled predictions for windows [n × sequence length × features] (dropout off).</summary>
    public float[] PredictScaled(float[] windows, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var count = windows.Length / (Data.SequenceLength * Network.Spec.InputSize);
        var predictions = new float[count];
        using var trainer = new LstmTrainer<float>(Network, new LstmTrainerOptions(Data.SequenceLength, Math.Max(1, Math.Min(count, 256)), Threads: threads));
        trainer.Predict(windows, predictions);
        return predictions;
    }

    /// <summary>
    /// Forecasts the close of the day after the last row of <paramref name="series"/>, windowing and
    /// scaling it exactly as in training.
    /// </summary>
    /// <exception cref="PriceDataException">The series is shorter than one window.</exception>
    public double PredictNextClose(PriceSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var prices = series.Prices(Data.Column);
        var l = Data.SequenceLength;
        var logReturn = Data.Target == ForecastTarget.LogReturn;
        var need = l + (logReturn ? 1 : 0);
        if (prices.Length < need)
        {
            throw new PriceDataException($"{series.Source}: {prices.Length} rows, a forecast needs the last {need}");
        }

        var raw = new double[prices.Length];
        for (var t = 0; t < prices.Length; t++)
        {
            raw[t] = !logReturn ? prices[t] : t == 0 ? 0 : Math.Log(prices[t] / prices[t - 1]);
        }

        var extras = FeatureColumns.Compute(series, Data.Column, Data.Features);
        var window = new float[l * Network.Spec.InputSize];
        var frame = FeatureScaling.Write(WindowScaling, raw, extras, prices.Length, l, window);
        return ForecastDataset.ToPrice(Data.Target, frame, PredictScaled(window)[0], prices[^1]);
    }

    private static string Text(IReadOnlyList<double> values) =>
        string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static double[] Numbers(string text) =>
        [.. text.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
}
