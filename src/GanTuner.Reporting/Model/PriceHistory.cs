namespace GanTuner.Reporting.Model;

/// <summary>The price series a study ran on, with how it was split and scaled. <see cref="Segments"/> is empty
/// when the split is not chronological (the shuffled protocol), so no stretch of dates belongs to one role.</summary>
public sealed record PriceHistory(
    string Source,
    string Column,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double> Closes,
    IReadOnlyList<SeriesSegment> Segments,
    ScalerRange? Scaler);
