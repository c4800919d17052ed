namespace GanTuner.Data.Protocols;

/// <summary>
/// How the extra inputs (every feature but the close) are scaled, fitted on the fitting rows only so it travels
/// with a model file. Under global scaling each feature has its own min–max range; under window scaling each
/// feature is taken relative to its own window: centred on the window's mean and divided by the window's standard
/// deviation, shrunk towards the fitting rows' (<see cref="Spread"/>) as the close's scale is, so a flat window
/// does not blow up. The close keeps its own <see cref="WindowScaling"/>, and so does the target.
/// </summary>
/// <param name="Features">The inputs, close first.</param>
/// <param name="Min">Per extra feature: the fitting rows' minimum.</param>
/// <param name="Max">Per extra feature: the fitting rows' maximum.</param>
/// <param name="Spread">Per extra feature: the fitting rows' standard deviation.</param>
public sealed record FeatureScaling(InputFeatures Features, IReadOnlyList<double> Min, IReadOnlyList<double> Max, IReadOnlyList<double> Spread)
{
    /// <summary>The close alone: nothing to scale.</summary>
    public static FeatureScaling CloseOnly { get; } = new(InputFeatures.Close, [], [], []);

    /// <summary>Extra inputs per time step.</summary>
    public int Extras => Min.Count;

    /// <summary>Fits each extra feature on rows [<paramref name="fitStart"/>, <paramref name="fitEnd"/>), from row 1 at the
    /// earliest (row 0 has no return).</summary>
    /// <exception cref="PriceDataException">A feature is constant over the fitting rows.</exception>
    public static FeatureScaling Fit(InputFeatures features, IReadOnlyList<double[]> extras, int fitStart, int fitEnd, string source)
    {
        var first = Math.Max(1, fitStart);
        ArgumentNullException.ThrowIfNull(extras);
        var min = new double[extras.Count];
        var max = new double[extras.Count];
        var spread = new double[extras.Count];
        var names = features.Each().Skip(1).Select(f => f.SingleName()).ToList();
        for (var k = 0; k < extras.Count; k++)
        {
            var part = extras[k].AsSpan(first, Math.Max(0, fitEnd - first));
            var mean = 0.0;
            min[k] = double.PositiveInfinity;
            max[k] = double.NegativeInfinity;
            foreach (var v in part)
            {
                mean += v;
                min[k] = Math.Min(min[k], v);
                max[k] = Math.Max(max[k], v);
            }

            mean /= part.Length;
            var sum = 0.0;
            foreach (var v in part)
            {
                sum += (v - mean) * (v - mean);
            }

            spread[k] = Math.Sqrt(sum / part.Length);
            if (part.IsEmpty || !(max[k] > min[k]) || !(spread[k] > 0))
            {
                throw new PriceDataException($"{source}: the {names[k]} input is constant over the fitting rows; drop it from --features");
            }
        }

        return new FeatureScaling(features, min, max, spread);
    }

    /// <summary>The frame of extra feature <paramref name="k"/> for a window of its raw values (oldest first).</summary>
    public WindowFrame Frame(Scaling kind, int k, ReadOnlySpan<double> window, double priorWeight = WindowScaling.DefaultPriorWeight)
    {
        if (kind == Scaling.Global)
        {
            return new WindowFrame(Min[k], Max[k] - Min[k]);
        }

        var mean = 0.0;
        foreach (var v in window)
        {
            mean += v;
        }

        mean /= window.Length;
        var sum = 0.0;
        foreach (var v in window)
        {
            sum += (v - mean) * (v - mean);
        }

        var scale = Math.Sqrt((sum + (priorWeight * Spread[k] * Spread[k])) / (window.Length + priorWeight));
        return new WindowFrame(mean, scale > 0 && double.IsFinite(scale) ? scale : Spread[k]);
    }

    /// <summary>
    /// Writes the input of the window ending the day before <paramref name="targetRow"/>: rows targetRow − L … targetRow − 1
    /// only, time step by time step with the close first and the extras after it ([L × features]). Returns the close's frame.
    /// </summary>
    public WindowFrame Write(WindowScaling closeScaling, ReadOnlySpan<double> close, IReadOnlyList<double[]> extras, int targetRow, int sequenceLength, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(closeScaling);
        ArgumentNullException.ThrowIfNull(extras);
        var width = 1 + Extras;
        var source = close.Slice(targetRow - sequenceLength, sequenceLength);
        var frame = closeScaling.Frame(source);
        for (var j = 0; j < sequenceLength; j++)
        {
            destination[j * width] = (float)frame.Forward(source[j]);
        }

        for (var k = 0; k < Extras; k++)
        {
            var values = extras[k].AsSpan(targetRow - sequenceLength, sequenceLength);
            var featureFrame = Frame(closeScaling.Kind, k, values, closeScaling.PriorWeight);
            for (var j = 0; j < sequenceLength; j++)
            {
                destination[(j * width) + 1 + k] = (float)featureFrame.Forward(values[j]);
            }
        }

        return frame;
    }
}
