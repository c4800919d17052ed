namespace GanTuner.Tuning.Gan;

/// <summary>The objective values observed so far, in the order they were told, and what the GAN reads
/// from them: the generator's history input and the injection rule.</summary>
internal sealed class ObjectiveHistory
{
    private const double FeatureClip = 3.0;
    private readonly List<double> _values = [];

    public void Add(double value) => _values.Add(value);

    /// <summary>
    /// The last <paramref name="length"/> values as features: log-scaled when every value is positive
    /// (an MSE spans decades), standardised over the whole history, clipped to ±3 and zero-padded at the
    /// start (zero is "an average value"), oldest first.
    /// </summary>
    public double[] Features(int length)
    {
        var features = new double[length];
        if (_values.Count == 0 || length == 0)
        {
            return features;
        }

        var useLog = _values.TrueForAll(v => v > 0);
        var scaled = _values.ConvertAll(v => useLog ? Math.Log(v) : v);
        var mean = scaled.Average();
        var deviation = Math.Sqrt(scaled.Average(v => (v - mean) * (v - mean)));
        var scale = deviation > 1e-12 ? deviation : 1.0;
        for (var k = 0; k < length; k++)
        {
            var index = scaled.Count - length + k;
            features[k] = index < 0 ? 0.0 : Math.Clamp((scaled[index] - mean) / scale, -FeatureClip, FeatureClip);
        }

        return features;
    }

    /// <summary>
    /// "Quality deteriorates": each of the last <paramref name="window"/> values is worse (higher) than the
    /// median of all the values told before them, and at least <paramref name="window"/> values precede them.
    /// </summary>
    public bool Deteriorates(int window)
    {
        var before = _values.Count - window;
        if (window < 1 || before < window)
        {
            return false;
        }

        var median = Median(_values.Take(before));
        for (var i = before; i < _values.Count; i++)
        {
            if (!(_values[i] > median))
            {
                return false;
            }
        }

        return true;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }
}
