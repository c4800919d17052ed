using MathNet.Numerics.LinearAlgebra;

namespace GanTuner.Tuning.Gp;

/// <summary>The posterior of a zero-mean Gaussian process given points and (standardised) values: the
/// Cholesky factor L of K + σₙ²I and α = K⁻¹y, from which mean and variance at new points follow.</summary>
internal sealed class GaussianProcessPosterior
{
    private readonly MaternKernel _kernel;
    private readonly double[][] _points;
    private readonly double[] _alpha;
    private readonly double[,] _lower;

    public GaussianProcessPosterior(MaternKernel kernel, IReadOnlyList<double[]> points, IReadOnlyList<double> values)
    {
        _kernel = kernel;
        _points = [.. points];
        var n = _points.Length;
        var k = Matrix<double>.Build.Dense(n, n, (a, b) => kernel.Covariance(_points[a], _points[b]) + (a == b ? kernel.NoiseVariance : 0.0));
        var cholesky = k.Cholesky();
        _alpha = [.. cholesky.Solve(Vector<double>.Build.DenseOfEnumerable(values))];
        _lower = cholesky.Factor.ToArray();
    }

    /// <summary>Posterior mean and variance (of the latent function, without noise) at <paramref name="x"/>.</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> x)
    {
        var n = _points.Length;
        Span<double> v = n <= 512 ? stackalloc double[n] : new double[n];
        var mean = 0.0;
        for (var a = 0; a < n; a++)
        {
            v[a] = _kernel.Covariance(x, _points[a]);
            mean += v[a] * _alpha[a];
        }

        // Forward substitution L·w = k*, then variance = k(x, x) − wᵀw.
        var explained = 0.0;
        for (var a = 0; a < n; a++)
        {
            var sum = v[a];
            for (var b = 0; b < a; b++)
            {
                sum -= _lower[a, b] * v[b];
            }

            v[a] = sum / _lower[a, a];
            explained += v[a] * v[a];
        }

        return (mean, Math.Max(_kernel.SignalVariance - explained, 1e-12));
    }
}
