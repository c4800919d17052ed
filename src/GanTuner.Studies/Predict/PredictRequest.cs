using GanTuner.Data.Csv;

namespace GanTuner.Studies.Predict;

/// <summary>Which saved model forecasts the next close, from which prices.</summary>
/// <param name="Model">A model file; null: the newest <c>./gantuner-out/*/best-model.json</c> under <see cref="WorkingDirectory"/>.</param>
/// <param name="WorkingDirectory">Where a default model is looked for.</param>
public sealed record PredictRequest(string? Model, string WorkingDirectory)
{
    /// <summary>Prices to forecast from; with neither this nor <see cref="Symbol"/>: the model's study's data, else the embedded S&amp;P 500.</summary>
    public string? DataFile { get; init; }

    public string? Symbol { get; init; }

    public string? DateColumn { get; init; }

    public string? ValueColumn { get; init; }

    public string? YahooBaseUrl { get; init; }

    internal CsvReadOptions Csv(GanTuner.Data.PriceColumn column) => new(column, DateColumn, ValueColumn);
}
