using GanTuner.Neural;

namespace GanTuner.Tuning.Gan;

/// <summary>The generator's two non-adversarial loss terms, each returned with its gradient with respect
/// to the generator's outputs (so the pathways can backpropagate it).</summary>
internal static class GeneratorLosses
{
    private const double Tiny = 1e-9;

    /// <summary>
    /// Diversity: different noise must give different proposals. For every coordinate i and every pair of
    /// rows, the distance between the proposals per unit of (normalised) noise distance should be at least
    /// <paramref name="spread"/>[i]; each shortfall costs its square (relative to spread²). A collapsed
    /// generator (every noise giving one point) pays the full weight; one that spreads enough pays nothing,
    /// so this term never pushes proposals further apart than wanted.
    /// </summary>
    public static (double Loss, Matrix Gradient) Diversity(Matrix outputs, IReadOnlyList<double[]> noise, int noiseDimensions, double[] spread, double weight)
    {
        var rows = outputs.Rows;
        var dimensions = outputs.Columns;
        var gradient = new Matrix(rows, dimensions);
        var scale = weight / (rows * (rows - 1) / 2.0 * dimensions);
        var loss = 0.0;
        for (var i = 0; i < dimensions; i++)
        {
            var target = spread[i];
            for (var a = 0; a < rows; a++)
            {
                for (var b = a + 1; b < rows; b++)
                {
                    var noiseDistance = NoiseDistance(noise[a].AsSpan(i * noiseDimensions, noiseDimensions), noise[b].AsSpan(i * noiseDimensions, noiseDimensions));
                    var difference = outputs[a, i] - outputs[b, i];
                    var gap = target - (Math.Abs(difference) / noiseDistance);
                    if (gap <= 0)
                    {
                        continue;
                    }

                    loss += scale * gap * gap / (target * target);
                    var g = -2 * scale * gap / (target * target) * Math.Sign(difference) / noiseDistance;
                    gradient[a, i] += g;
                    gradient[b, i] -= g;
                }
            }
        }

        return (loss, gradient);
    }

    /// <summary>
    /// Feedback from observed values: for each recorded generator input, the output is pulled towards the
    /// configuration it produced when that configuration ranked well (<paramref name="advantages"/> &gt; 0,
    /// weighted squared distance) and pushed away from it when it ranked badly (advantage &lt; 0, a Gaussian
    /// bump of radius <paramref name="radius"/> per coordinate, so the push fades once the output has moved away).
    /// </summary>
    public static (double Loss, Matrix Gradient) Feedback(Matrix outputs, IReadOnlyList<double[]> targets, double[] advantages, double radius, double weight)
    {
        var rows = outputs.Rows;
        var dimensions = outputs.Columns;
        var gradient = new Matrix(rows, dimensions);
        var width = radius * radius * dimensions;
        var loss = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var advantage = advantages[r];
            var squared = 0.0;
            for (var i = 0; i < dimensions; i++)
            {
                var d = outputs[r, i] - targets[r][i];
                squared += d * d;
            }

            if (advantage > 0)
            {
                loss += weight * advantage * squared / rows;
                for (var i = 0; i < dimensions; i++)
                {
                    gradient[r, i] = 2 * weight * advantage * (outputs[r, i] - targets[r][i]) / rows;
                }
            }
            else if (advantage < 0)
            {
                var bump = Math.Exp(-squared / (2 * width));
                loss += weight * -advantage * bump / rows;
                for (var i = 0; i < dimensions; i++)
                {
                    gradient[r, i] = weight * advantage * bump * (outputs[r, i] - targets[r][i]) / width / rows;
                }
            }
        }

        return (loss, gradient);
    }

    /// <summary>
    /// Rank-based advantages: the <paramref name="top"/> best values get 1, 1 − 1/top, …; every other value
    /// gets −<paramref name="repel"/> · (its rank / (n − 1)), so the worst repels most.
    /// </summary>
    public static double[] Advantages(IReadOnlyList<double> values, int top, double repel)
    {
        var n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(k => values[k]).ToArray();
        var advantages = new double[n];
        for (var rank = 0; rank < n; rank++)
        {
            advantages[order[rank]] = rank < top ? 1.0 - ((double)rank / top) : -repel * rank / Math.Max(1, n - 1);
        }

        return advantages;
    }

    // Normalised so that two independent standard normal draws are about 1 apart whatever the noise size.
    private static double NoiseDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            sum += d * d;
        }

        return Math.Sqrt(sum / (2 * a.Length)) + Tiny;
    }
}
