using GanTuner.Data;
using GanTuner.Forecasting;
using GanTuner.Studies.Tune;

namespace GanTuner.Studies.Predict;

/// <summary>A saved model's forecast of the next trading day's close.</summary>
/// <param name="Path">The model file (absolute).</param>
/// <param name="Model">The model.</param>
/// <param name="Info">Which study and trial the model is, when <c>best-trial.json</c> says so.</param>
/// <param name="Series">The prices forecast from.</param>
/// <param name="LastClose">The last close in the modelled column.</param>
/// <param name="Next">The forecast close.</param>
/// <param name="OutsideRange">Whether the last window lies outside the range the scaler was fitted on.</param>
public sealed record NextCloseForecast(string Path, ForecastModel Model, BestTrialInfo? Info, PriceSeries Series, double LastClose, double Next, bool OutsideRange)
{
    public DateOnly LastDate => Series.LastDate;

    public double ChangePercent => 100.0 * (Next / LastClose - 1.0);
}
