using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Studies.Data;

namespace GanTuner.Studies.Trials;

/// <summary>Train and score one LSTM configuration on a price series.</summary>
/// <param name="Source">The prices.</param>
/// <param name="Protocol">How the series is split and scaled.</param>
/// <param name="Target">What the LSTM predicts.</param>
/// <param name="Config">The configuration, its epochs, seed and threads.</param>
/// <param name="SaveModel">Where to save the trained model, or null.</param>
/// <param name="Training">Window scaling and early stopping; null: the paper's (global min-max, fixed epochs).</param>
public sealed record TrialRequest(PriceSource Source, Protocol Protocol, ForecastTarget Target, TrialConfig Config, string? SaveModel = null, Training.TrainingSettings? Training = null);
