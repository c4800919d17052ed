using GanTuner.Forecasting;
using GanTuner.Studies.Data;

namespace GanTuner.Studies.Trials;

/// <summary>Train and score one LSTM configuration on a price series.</summary>
/// <param name="Source">The prices.</param>
/// <param name="Training">Protocol, target, window scaling and early stopping.</param>
/// <param name="Config">The configuration, its epochs, seed and threads.</param>
/// <param name="SaveModel">Where to save the trained model, or null.</param>
public sealed record TrialRequest(PriceSource Source, Training.TrainingSettings Training, TrialConfig Config, string? SaveModel = null);
