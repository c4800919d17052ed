namespace GanTuner.Forecasting;

/// <summary>A model's forecasts on a split in prices, beside what happened and the persistence forecast.</summary>
/// <param name="Dates">Target day of each window.</param>
/// <param name="Actual">Actual close on that day.</param>
/// <param name="Predicted">The model's forecast of that close.</param>
/// <param name="Naive">The persistence forecast: the previous close.</param>
public sealed record PredictionSeries(IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Actual, IReadOnlyList<double> Predicted, IReadOnlyList<double> Naive);
