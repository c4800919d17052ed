namespace GanTuner.Dashboard.Views;

/// <summary>The trial page's data.</summary>
internal sealed record TrialDetail(
    string Study,
    TrialRow Row,
    IReadOnlyDictionary<string, string> ExactParams,
    DateTimeOffset? Finished,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyDictionary<string, string> Attributes,
    EpochLosses? Losses,
    ForecastInfo Forecast,
    long Version);

/// <summary>A metric of the model beside the same metric of the naive forecast and of the linear AR(p)
/// baseline, where the trial recorded them.</summary>
internal sealed record MetricRow(string Name, double? Model, double? Naive, double? Linear);

internal sealed record EpochLosses(IReadOnlyList<double> Train, IReadOnlyList<double> Validation);

/// <summary>Whether the test-period forecasts can be drawn, and from which file (or why not).</summary>
internal sealed record ForecastInfo(bool Available, string Note);
