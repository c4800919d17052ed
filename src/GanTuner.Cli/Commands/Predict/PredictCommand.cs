using System.Globalization;
using System.Text;
using System.Text.Json;
using GanTuner.Data.Protocols;
using GanTuner.Studies.Predict;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Predict;

/// <summary>
/// <c>gantuner predict</c>: the next trading day's close from a saved model, in price units, with the last date
/// and close it used. The model file carries its windowing, scaler, target and protocol; the prices are the ones
/// named, else those of the model's study, else the embedded S&amp;P 500.
/// </summary>
public sealed class PredictCommand : AsyncCommand<PredictSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PredictSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var forecast = await Forecasts.PredictNextAsync(settings.Request).ConfigureAwait(false);
        Console.Out.WriteLine(settings.Json ? Json(forecast) : Text(forecast));
        return 0;
    }

    private static string Text(NextCloseForecast f)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"next close: {f.Next:N2} (the trading day after {f.LastDate:yyyy-MM-dd})\n");
        text.Append(inv, $"last close: {f.LastClose:N2} on {f.LastDate:yyyy-MM-dd} (forecast change {f.ChangePercent:+0.00;-0.00} %)\n");
        var spec = f.Model.Network.Spec;
        var trial = f.Info is null ? "" : $"study {f.Info.Study}, iteration {f.Info.Trial + 1}, ";
        text.Append(inv, $"model: {f.Path} ({trial}{spec.Layers} x {spec.Hidden} LSTM, sequence length {f.Model.Data.SequenceLength}, target {f.Model.Data.Target.Name()}, scaling {f.Model.WindowScaling.Kind.Name()}, inputs {f.Model.Data.Features.Name()}, protocol {f.Model.Data.Protocol.Name()})\n");
        text.Append(inv, $"data: {f.Series.Source}: {f.Series.Count:N0} rows, {f.Series.FirstDate:yyyy-MM-dd} to {f.Series.LastDate:yyyy-MM-dd}");
        if (f.OutsideRange)
        {
            text.Append(inv, $"\nnote: the last {f.Model.Data.SequenceLength} days lie outside the range the model's scaler was fitted on ({f.Model.Scaler.Min:G6} to {f.Model.Scaler.Max:G6}); an LSTM extrapolates poorly there (--scaling window avoids this)");
        }

        if (f.Model.Data.Protocol == Protocol.PaperShuffled)
        {
            text.Append("\nnote: the model was tuned under paper-shuffled (LEAKY): its test errors overstate how well it forecasts");
        }

        return text.ToString();
    }

    private static string Json(NextCloseForecast f)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", f.Path);
            json.WriteString("data", f.Series.Source);
            json.WriteString("last_date", f.LastDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("last_close", f.LastClose);
            json.WriteNumber("next_close", f.Next);
            json.WriteNumber("change_percent", f.ChangePercent);
            json.WriteString("target", f.Model.Data.Target.Name());
            json.WriteString("protocol", f.Model.Data.Protocol.Name());
            json.WriteNumber("sequence_length", f.Model.Data.SequenceLength);
            json.WriteBoolean("outside_training_range", f.OutsideRange);
            json.WriteString("scaling", f.Model.WindowScaling.Kind.Name());
            json.WriteString("features", f.Model.Data.Features.Name());
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
