namespace GanTuner.Data.Protocols;

/// <summary>Maps values linearly so that the fitted minimum becomes 0 and the fitted maximum 1.</summary>
public sealed record MinMaxScaler
{
    public MinMaxScaler(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentException($"a scaler needs finite min < max, got [{min}, {max}]");
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }

    public double Max { get; }

    public double Range => Max - Min;

    /// <exception cref="ArgumentException">The values are empty, not finite, or all equal.</exception>
    public static MinMaxScaler Fit(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("cannot fit a scaler to no values", nameof(values));
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return new MinMaxScaler(min, max);
    }

    public double Transform(double value) => (value - Min) / Range;

    public double Inverse(double scaled) => (scaled * Range) + Min;
}
