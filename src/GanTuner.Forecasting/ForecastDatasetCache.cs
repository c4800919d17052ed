using System.Collections.Concurrent;
using GanTuner.Data;
using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting;

/// <summary>
/// One <see cref="ForecastDataset"/> per sequence length for a series and protocol, built on first use
/// and shared read-only by every trial that asks for that length (a study tries many lengths).
/// Thread-safe.
/// </summary>
public sealed class ForecastDatasetCache
{
    private readonly ConcurrentDictionary<int, Lazy<ForecastDataset>> _byLength = new();

    /// <summary>A cache over <paramref name="series"/>; <paramref name="template"/>'s sequence length is replaced per request.</summary>
    public ForecastDatasetCache(PriceSeries series, DatasetSpec template)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(template);
        Series = series;
        Template = template;
    }

    /// <summary>The series.</summary>
    public PriceSeries Series { get; }

    /// <summary>Protocol, target, column and shuffle seed of every dataset.</summary>
    public DatasetSpec Template { get; }

    /// <summary>The dataset for windows of <paramref name="sequenceLength"/> days.</summary>
    /// <exception cref="PriceDataException">Too few rows for that length under the protocol.</exception>
    public ForecastDataset Get(int sequenceLength) =>
        _byLength.GetOrAdd(sequenceLength, l => new Lazy<ForecastDataset>(() => ForecastDataset.Build(Series, Template with { SequenceLength = l }))).Value;
}
