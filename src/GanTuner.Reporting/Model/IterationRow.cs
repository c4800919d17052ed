namespace GanTuner.Reporting.Model;

/// <summary>One trial of the study as the report shows it. <see cref="Value"/> is the objective (null when the
/// trial failed or did not finish); <see cref="Parameters"/> are in user units (learning rate, not its cube
/// coordinate); <see cref="Metrics"/> use the trial's snake_case keys (see <see cref="MetricKeys"/>);
/// <see cref="Seconds"/> is the trial's wall-clock duration.</summary>
public sealed record IterationRow(
    int Number,
    string State,
    double? Value,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyDictionary<string, double> Metrics,
    bool Injection,
    double? Seconds)
{
    public double? Metric(string key) => Metrics.TryGetValue(key, out var v) && double.IsFinite(v) ? v : null;
}
