using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;

namespace GanTuner.Cli.Commands.Trial;

/// <summary>
/// The one-line JSON form of a trial: status, reason, data facts, the configuration, every metric of
/// <see cref="TrialResult.ToMetrics"/> as a top-level field (NaN as null), walk-forward's folds (an empty array
/// for the other protocols), and the per-epoch losses.
/// </summary>
internal static class TrialJson
{
    public static string Format(TrialResult result, ForecastDataset data)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps data names such as "S&P 500" readable; the output is never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("status", result.Status.ToString().ToLowerInvariant());
            json.WriteString("reason", result.FailureReason);
            json.WriteString("data", data.Series.Source);
            json.WriteString("protocol", data.Spec.Protocol.Name());
            json.WriteString("target", data.Spec.Target.Name());
            json.WriteString("scaling", data.Spec.Scaling.Name());
            json.WriteString("features", data.Spec.Features.Name());
            json.WriteBoolean("leaky", data.IsLeaky);
            json.WriteString("objective_split", result.ObjectiveSplit.ToString().ToLowerInvariant());
            var c = result.Config;
            json.WriteNumber("layers", c.Layers);
            json.WriteNumber("units", c.Units);
            json.WriteNumber("lr", c.LearningRate);
            json.WriteNumber("batch", c.BatchSize);
            json.WriteNumber("seq", c.SequenceLength);
            json.WriteNumber("dropout", c.Dropout);
            json.WriteNumber("epochs", c.Epochs);
            json.WriteNumber("seed", c.Seed);
            foreach (var (key, value) in result.ToMetrics().OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                WriteNumber(json, key, value);
            }

            json.WriteStartArray("folds");
            foreach (var f in result.Folds)
            {
                json.WriteStartObject();
                json.WriteNumber("fold", f.Fold);
                json.WriteNumber("train_windows", f.TrainWindows);
                json.WriteString("validation_from", f.ValidationFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("validation_to", f.ValidationTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                WriteNumber(json, "val_mse", f.Validation?.Scaled.Mse ?? double.NaN);
                WriteNumber(json, "val_u2", f.Validation?.U2 ?? double.NaN);
                json.WriteNumber("epochs_run", f.EpochsRun);
                json.WriteNumber("epoch_kept", f.KeptEpoch);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteArray(json, "epoch_train_loss", result.EpochTrainLoss);
            WriteArray(json, "epoch_val_loss", result.EpochValidationLoss);
            if (result.Measure is { } measure)
            {
                json.WriteString("objective", measure.Name);
                WriteNumber(json, "objective_value", result.ObjectiveValue);
                WriteArray(json, "epoch_objective", result.EpochObjective);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter json, string key, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(key, value);
        }
        else
        {
            json.WriteNull(key);
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string key, IReadOnlyList<double> values)
    {
        json.WriteStartArray(key);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }
}
