using GanTuner.Neural;
using MathNet.Numerics;

namespace GanTuner.Tuning.Tuners.Tpe;

/// <summary>The normal distribution cut to an interval: the kernel of a Parzen estimator on [0, 1].</summary>
internal static class TruncatedNormal
{
    private const double MinimumMass = 1e-300;
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Standard normal CDF.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>log of the standard normal mass between <paramref name="a"/> and <paramref name="b"/>,
    /// computed in whichever tail keeps its digits.</summary>
    public static double LogMass(double a, double b)
    {
        var mass = a >= 0
            ? Cdf(-a) - Cdf(-b)
            : b <= 0 ? Cdf(b) - Cdf(a) : 1 - Cdf(a) - Cdf(-b);
        return Math.Log(Math.Max(mass, MinimumMass));
    }

    /// <summary>log density of N(μ, σ) at x, without the interval's normaliser; without the −log σ term
    /// unless <paramref name="normalised"/>, as Optuna 3.1.0 computes it (see <see cref="TpeSettings.TextbookDensity"/>).</summary>
    public static double LogDensity(double x, double mu, double sigma, bool normalised)
    {
        var z = (x - mu) / sigma;
        return (-0.5 * z * z) - LogSqrtTwoPi - (normalised ? Math.Log(sigma) : 0.0);
    }

    /// <summary>A draw from N(μ, σ) cut to [low, high], by inverting the CDF (one uniform per draw, so
    /// the stream's position never depends on the data).</summary>
    public static double Sample(SeededRandom random, double mu, double sigma, double low, double high)
    {
        var a = (low - mu) / sigma;
        var b = (high - mu) / sigma;
        var u = random.NextDouble();
        double z;
        if (a >= 0)
        {
            // Mirror into the lower tail, where the CDF keeps its digits.
            var pa = Cdf(-b);
            var pb = Cdf(-a);
            z = -Quantile(pa + (u * (pb - pa)));
        }
        else
        {
            var pa = Cdf(a);
            var pb = Cdf(b);
            z = Quantile(pa + (u * (pb - pa)));
        }

        return Math.Clamp(mu + (sigma * z), low, high);
    }

    private static double Quantile(double p)
    {
        var clamped = Math.Clamp(p, 1e-300, 1 - 1e-16);
        return -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * clamped);
    }
}
