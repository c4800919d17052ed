using System.Numerics;

namespace GanTuner.Neural;

/// <summary>Keras's weight initialisers, drawing from a <see cref="SeededRandom"/>.</summary>
public static class Initializers
{
    /// <summary>
    /// Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)); Keras's default for
    /// dense kernels and LSTM input kernels.
    /// </summary>
    public static void GlorotUniform<T>(Span<T> weights, int fanIn, int fanOut, SeededRandom random)
        where T : IFloatingPoint<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn + fanOut);
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = T.CreateChecked(random.NextUniform(-limit, limit));
        }
    }

    /// <summary>
    /// Orthogonal initialiser (Keras's default for recurrent kernels): a Gaussian matrix made
    /// orthogonal by QR with the sign of R's diagonal folded in (modified Gram–Schmidt gives exactly
    /// that). The result, <paramref name="rows"/> × <paramref name="columns"/> row-major, has
    /// orthonormal rows when rows ≤ columns and orthonormal columns otherwise.
    /// </summary>
    public static void Orthogonal<T>(Span<T> weights, int rows, int columns, SeededRandom random, double gain = 1.0)
        where T : IFloatingPoint<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        if (weights.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} weights, got {weights.Length}.", nameof(weights));
        }

        // Work on the tall orientation (n ≥ k) and orthonormalise its k columns.
        var transpose = rows < columns;
        var n = transpose ? columns : rows;
        var k = transpose ? rows : columns;
        var a = new double[n * k];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = random.NextGaussian();
        }

        for (var j = 0; j < k; j++)
        {
            for (var p = 0; p < j; p++)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dot += a[(i * k) + p] * a[(i * k) + j];
                }

                for (var i = 0; i < n; i++)
                {
                    a[(i * k) + j] -= dot * a[(i * k) + p];
                }
            }

            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                norm += a[(i * k) + j] * a[(i * k) + j];
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; i < n; i++)
            {
                a[(i * k) + j] /= norm;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var value = transpose ? a[(c * k) + r] : a[(r * k) + c];
                weights[(r * columns) + c] = T.CreateChecked(gain * value);
            }
        }
    }
}
