namespace GanTuner.Reporting.Model;

/// <summary>The best model's one-step forecasts over the test period, in price units, beside the naive
/// persistence forecast (tomorrow = today) on the same windows.</summary>
public sealed record TestForecast(
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double> Actual,
    IReadOnlyList<double> Predicted,
    IReadOnlyList<double> Naive)
{
    /// <summary>Actual minus predicted: positive where the model under-forecast.</summary>
    public double[] Residuals()
    {
        var residuals = new double[Actual.Count];
        for (var i = 0; i < residuals.Length; i++)
        {
            residuals[i] = Actual[i] - Predicted[i];
        }

        return residuals;
    }
}
