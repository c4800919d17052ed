using System.Globalization;
using System.Text;
using System.Text.Json;
using GanTuner.Cli.Commands.Data;
using GanTuner.Cli.Commands.Tune;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Reporting.Building;
using Spectre.Console.Cli;

namespace GanTuner.Cli.Commands.Predict;

/// <summary>
/// <c>gantuner predict</c>: the next trading day's close from a saved model, in price units, with the last date
/// and close it used. The model file carries its windowing, scaler, target and protocol; the prices are the ones
/// named, else those of the model's study, else the embedded S&amp;P 500.
/// </summary>
public sealed class PredictCommand : AsyncCommand<PredictSettings>
{
    // A scaled input this far outside [0, 1] lies outside what the network saw in training.
    private const double RangeTolerance = 0.05;

    public override async Task<int> ExecuteAsync(CommandContext context, PredictSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Path.GetFullPath(settings.Model ?? ModelLocator.Newest(Directory.GetCurrentDirectory()));
        var model = ForecastModel.Load(path);
        // best-trial.json describes best-model.json only, not another model that happens to sit beside it.
        var info = Path.GetFileName(path) == Path.GetFileName(StudyFiles.BestModelPath("."))
            ? BestTrialInfo.TryLoad(Path.GetDirectoryName(path)!)
            : null;
        var series = await DataFor(settings, model, info).LoadSeriesAsync().ConfigureAwait(false);
        var next = model.PredictNextClose(series);
        var prices = series.Prices(model.Data.Column);
        var forecast = new Forecast(path, model, info, series, prices[^1], next, OutsideTrainingRange(model, prices));
        Console.Out.WriteLine(settings.Json ? Json(forecast) : Text(forecast));
        return 0;
    }

    private static DataSettings DataFor(PredictSettings settings, ForecastModel model, BestTrialInfo? info)
    {
        var column = model.Data.Column == PriceColumn.AdjClose ? "adjclose" : "close";
        if (settings.DataFile is not null || settings.Symbol is not null || info is null)
        {
            return new DataSettings
            {
                DataFile = settings.DataFile,
                Symbol = settings.Symbol,
                Column = column,
                DateColumn = settings.DateColumn,
                ValueColumn = settings.ValueColumn,
                YahooBaseUrl = settings.YahooBaseUrl,
            };
        }

        // A symbol's study trained on a frozen copy; the forecast wants the latest prices, so fetch it again.
        if (info.Symbol is not null)
        {
            return new DataSettings { Symbol = info.Symbol, Column = column, YahooBaseUrl = settings.YahooBaseUrl };
        }

        if (info.Data != StudyAttributeKeys.EmbeddedData && !File.Exists(info.Data))
        {
            throw new PriceDataException($"the data the model's study ran on ({info.Data}) is no longer there; give --data FILE or --symbol SYMBOL");
        }

        return new DataSettings
        {
            DataFile = info.Data == StudyAttributeKeys.EmbeddedData ? null : info.Data,
            Column = column,
            DateColumn = info.DateColumn,
            ValueColumn = info.ValueColumn,
        };
    }

    /// <summary>The scaled inputs of the forecast's window that lie outside the scaler's fitting range, if any.</summary>
    private static bool OutsideTrainingRange(ForecastModel model, double[] prices)
    {
        // Window scaling takes every window relative to itself: no fixed range to leave.
        if (model.WindowScaling.Kind == Scaling.Window)
        {
            return false;
        }

        var logReturn = model.Data.Target == ForecastTarget.LogReturn;
        for (var t = prices.Length - model.Data.SequenceLength; t < prices.Length; t++)
        {
            var raw = logReturn ? Math.Log(prices[t] / prices[t - 1]) : prices[t];
            var scaled = model.Scaler.Transform(raw);
            if (scaled < -RangeTolerance || scaled > 1 + RangeTolerance)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(Forecast f)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"next close: {f.Next:N2} (the trading day after {f.LastDate:yyyy-MM-dd})\n");
        text.Append(inv, $"last close: {f.LastClose:N2} on {f.LastDate:yyyy-MM-dd} (forecast change {f.ChangePercent:+0.00;-0.00} %)\n");
        var spec = f.Model.Network.Spec;
        var trial = f.Info is null ? "" : $"study {f.Info.Study}, iteration {f.Info.Trial + 1}, ";
        text.Append(inv, $"model: {f.Path} ({trial}{spec.Layers} x {spec.Hidden} LSTM, sequence length {f.Model.Data.SequenceLength}, target {f.Model.Data.Target.Name()}, scaling {f.Model.WindowScaling.Kind.Name()}, protocol {f.Model.Data.Protocol.Name()})\n");
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

    private static string Json(Forecast f)
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
            json.WriteString("scaling", f.Model.WindowScaling.Kind.Name());
            json.WriteNumber("sequence_length", f.Model.Data.SequenceLength);
            json.WriteBoolean("outside_training_range", f.OutsideRange);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed record Forecast(string Path, ForecastModel Model, BestTrialInfo? Info, PriceSeries Series, double LastClose, double Next, bool OutsideRange)
    {
        public DateOnly LastDate => Series.LastDate;

        public double ChangePercent => 100.0 * (Next / LastClose - 1.0);
    }
}
