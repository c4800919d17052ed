using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace GanTuner.Tuning.Gp;

/// <summary>Fits the kernel's hyperparameters by maximising the log marginal likelihood plus Optuna 4's
/// priors, with MathNet's L-BFGS on the log-parameters θ = (log ℓ₁…log ℓ_d, log s², log(σₙ² − 10⁻⁶)).</summary>
/// <remarks>
/// The priors are GPSampler's: on each inverse squared lengthscale λ = ℓ⁻², −(0.1/λ + 0.1λ); on s², a
/// Gamma(2, 1); on the noise, a Gamma(1.1, 30) over a floor of 10⁻⁶ (values are standardised, so these are
/// scale-free). They keep the fit away from degenerate lengthscales with few points. The fit starts from
/// the same point every time (ℓ = 1, s² = 1, σₙ² = 10⁻²), so it depends on the data alone; if the line
/// search gives up, the best parameters it evaluated are kept.
/// </remarks>
internal static class GaussianProcessFit
{
    private const double NoiseFloor = 1e-6;

    public static MaternKernel Fit(IReadOnlyList<double[]> points, IReadOnlyList<double> values, bool[] categorical, int iterations)
    {
        var n = points.Count;
        var d = categorical.Length;
        var squared = SquaredDifferences(points, categorical);
        var y = Vector<double>.Build.DenseOfEnumerable(values);
        var best = (Value: double.PositiveInfinity, Theta: Initial(d));
        (double, Vector<double>) Objective(Vector<double> theta)
        {
            var (value, gradient) = NegativeLogPosterior(theta, squared, y, n, d);
            if (value < best.Value)
            {
                best = (value, theta.Clone());
            }

            return (value, gradient);
        }

        try
        {
            new LimitedMemoryBfgsMinimizer(1e-5, 1e-7, 1e-9, 10, iterations)
                .FindMinimum(ObjectiveFunction.Gradient(Objective), Initial(d));
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            // The best parameters evaluated so far are good enough; a GP fit need not converge exactly.
        }

        return Kernel(best.Theta, categorical);
    }

    /// <summary>Per dimension, the n×n squared coordinate differences as the kernel sees them.</summary>
    internal static double[][] SquaredDifferences(IReadOnlyList<double[]> points, bool[] categorical)
    {
        var n = points.Count;
        var squared = new double[categorical.Length][];
        for (var i = 0; i < categorical.Length; i++)
        {
            squared[i] = new double[n * n];
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    squared[i][(a * n) + b] = MaternKernel.SquaredDifference(points[a][i], points[b][i], categorical[i]);
                }
            }
        }

        return squared;
    }

    private static Vector<double> Initial(int d) =>
        Vector<double>.Build.Dense(d + 2, k => k < d ? 0.0 : k == d ? 0.0 : Math.Log(1e-2));

    private static MaternKernel Kernel(Vector<double> theta, bool[] categorical)
    {
        var d = categorical.Length;
        return new MaternKernel(
            [.. Enumerable.Range(0, d).Select(i => Math.Exp(Clamp(theta[i])))],
            Math.Exp(Clamp(theta[d])),
            NoiseFloor + Math.Exp(Clamp(theta[d + 1])),
            categorical);
    }

    // Keeps exp() finite whatever the line search tries.
    private static double Clamp(double t) => Math.Clamp(t, -20, 20);

    internal static (double Value, Vector<double> Gradient) NegativeLogPosterior(Vector<double> theta, double[][] squared, Vector<double> y, int n, int d)
    {
        var gradient = Vector<double>.Build.Dense(d + 2);
        if (theta.Any(t => !double.IsFinite(t) || Math.Abs(t) > 20))
        {
            return (1e20, gradient);
        }

        var inverseSquared = new double[d];
        for (var i = 0; i < d; i++)
        {
            inverseSquared[i] = Math.Exp(-2 * theta[i]);
        }

        var signal = Math.Exp(theta[d]);
        var noiseRaw = Math.Exp(theta[d + 1]);
        var noise = NoiseFloor + noiseRaw;
        var kernel = new MaternKernel([.. inverseSquared.Select(l => 1 / Math.Sqrt(l))], signal, noise, new bool[d]);
        var covariance = new double[n * n];
        var factor = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a; b < n; b++)
            {
                var r2 = 0.0;
                for (var i = 0; i < d; i++)
                {
                    r2 += squared[i][(a * n) + b] * inverseSquared[i];
                }

                covariance[(a * n) + b] = covariance[(b * n) + a] = kernel.OfSquaredDistance(r2);
                factor[(a * n) + b] = factor[(b * n) + a] = kernel.LengthscaleFactor(r2);
            }
        }

        var k = Matrix<double>.Build.Dense(n, n, (a, b) => covariance[(a * n) + b] + (a == b ? noise : 0.0));
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = k.Cholesky();
        }
        catch (ArgumentException)
        {
            return (1e20, gradient);
        }

        var alpha = cholesky.Solve(y);
        var logDeterminant = 0.0;
        var lower = cholesky.Factor;
        for (var a = 0; a < n; a++)
        {
            logDeterminant += 2 * Math.Log(lower[a, a]);
        }

        var nll = (0.5 * y.DotProduct(alpha)) + (0.5 * logDeterminant) + (0.5 * n * Math.Log(2 * Math.PI));

        // ∂NLL/∂θ = ½ Σ_ab W_ab ∂K_ab/∂θ with W = K⁻¹ − ααᵀ.
        var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(n));
        double signalGradient = 0, noiseGradient = 0;
        var lengthGradient = new double[d];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var w = inverse[a, b] - (alpha[a] * alpha[b]);
                var index = (a * n) + b;
                signalGradient += w * covariance[index];
                if (a == b)
                {
                    noiseGradient += w;
                    continue;
                }

                var f = w * factor[index];
                for (var i = 0; i < d; i++)
                {
                    lengthGradient[i] += f * squared[i][index] * inverseSquared[i];
                }
            }
        }

        // Priors (negated log densities) and their gradients in θ.
        var prior = 0.0;
        for (var i = 0; i < d; i++)
        {
            var lambda = inverseSquared[i];
            prior += (0.1 / lambda) + (0.1 * lambda);
            // λ = e^(−2θ): d(0.1/λ + 0.1λ)/dθ = 0.2/λ − 0.2λ.
            gradient[i] = (0.5 * lengthGradient[i]) + ((0.2 / lambda) - (0.2 * lambda));
        }

        prior -= theta[d] - signal;
        gradient[d] = (0.5 * signalGradient) - (1 - signal);
        prior -= (0.1 * Math.Log(noise)) - (30 * noise);
        gradient[d + 1] = (0.5 * noiseGradient * noiseRaw) - (((0.1 / noise) - 30) * noiseRaw);
        return (nll + prior, gradient);
    }
}
