using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Studies.Data;
using GanTuner.Studies.Tune;

namespace GanTuner.Studies.Predict;

/// <summary>The next trading day's close from a saved model. The model file carries its windowing, scaler, target
/// and protocol; the prices are the ones named, else those of the model's study, else the embedded S&amp;P 500.</summary>
public static class Forecasts
{
    // A scaled input this far outside [0, 1] lies outside what the network saw in training.
    private const double RangeTolerance = 0.05;

    public static async Task<NextCloseForecast> PredictNextAsync(PredictRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = System.IO.Path.GetFullPath(request.Model ?? ModelLocator.Newest(request.WorkingDirectory));
        var model = ForecastModel.Load(path);
        // best-trial.json describes best-model.json only, not another model that happens to sit beside it.
        var info = System.IO.Path.GetFileName(path) == System.IO.Path.GetFileName(StudyFiles.BestModelPath("."))
            ? BestTrialInfo.TryLoad(System.IO.Path.GetDirectoryName(path)!)
            : null;
        var series = await SourceFor(request, model, info).LoadAsync(cancellationToken).ConfigureAwait(false);
        var next = model.PredictNextClose(series);
        var prices = series.Prices(model.Data.Column);
        return new NextCloseForecast(path, model, info, series, prices[^1], next, OutsideTrainingRange(model, prices));
    }

    private static PriceSource SourceFor(PredictRequest request, ForecastModel model, BestTrialInfo? info)
    {
        var column = model.Data.Column;
        if (request.DataFile is not null || request.Symbol is not null || info is null)
        {
            return new PriceSource(request.DataFile, request.Symbol, request.Csv(column), request.YahooBaseUrl);
        }

        // A symbol's study trained on a frozen copy; the forecast wants the latest prices, so fetch it again.
        if (info.Symbol is not null)
        {
            return new PriceSource(null, info.Symbol, new(column), request.YahooBaseUrl);
        }

        if (info.Data != StudyAttributeKeys.EmbeddedData && !File.Exists(info.Data))
        {
            throw new PriceDataException($"the data the model's study ran on ({info.Data}) is no longer there; give --data FILE or --symbol SYMBOL");
        }

        return new PriceSource(info.Data == StudyAttributeKeys.EmbeddedData ? null : info.Data, null, new(column, info.DateColumn, info.ValueColumn));
    }

    /// <summary>Whether a scaled input of the forecast's window lies outside the scaler's fitting range.</summary>
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
}
