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

    /// <summary>Bundles a network with its data facts.</summary>
    public ForecastModel(LstmNetwork<float> network, DatasetSpec data, MinMaxScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scaler);
        Network = network;
        Data = data;
        Scaler = scaler;
    }

    /// <summary>The trained network.</summary>
    public LstmNetwork<float> Network { get; }

    /// <summary>How windows were built (sequence length, protocol, target, column).</summary>
    public DatasetSpec Data { get; }

    /// <summary>The scaler fitted when the model was trained.</summary>
    public MinMaxScaler Scaler { get; }

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

            var spec = new DatasetSpec(
                int.Parse(meta["sequenceLength"], CultureInfo.InvariantCulture),
                Enum.Parse<Protocol>(meta["protocol"]),
                Enum.Parse<ForecastTarget>(meta["target"]),
                Enum.Parse<PriceColumn>(meta["column"]));
            var scaler = new MinMaxScaler(
                double.Parse(meta["scalerMin"], CultureInfo.InvariantCulture),
                double.Parse(meta["scalerMax"], CultureInfo.InvariantCulture));
            return new ForecastModel(network, spec, scaler);
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
        };
        LstmModelFile.Save(path, Network, meta);
    }

    /// <summary>Scaled predictions for windows [n × sequence length] (dropout off).</summary>
    public float[] PredictScaled(float[] windows, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var count = windows.Length / Data.SequenceLength;
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

        var window = new float[l];
        for (var j = 0; j < l; j++)
        {
            var t = prices.Length - l + j;
            var raw = logReturn ? Math.Log(prices[t] / prices[t - 1]) : prices[t];
            window[j] = (float)Scaler.Transform(raw);
        }

        var scaled = PredictScaled(window)[0];
        var value = Scaler.Inverse(scaled);
        return logReturn ? prices[^1] * Math.Exp(value) : value;
    }
}
