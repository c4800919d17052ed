namespace GanTuner.Tuning.Gp;

/// <summary>log EI for minimisation, stable far into the tail (Ament et al., 2023, "Unexpected improvements
/// to expected improvement"): EI = σ·h(z) with z = (best − μ)/σ and h(z) = φ(z) + zΦ(z).</summary>
internal static class LogExpectedImprovement
{
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    public static double Of(double mean, double variance, double best)
    {
        var sigma = Math.Sqrt(variance);
        var z = (best - mean) / sigma;
        return LogH(z) + Math.Log(sigma);
    }

    internal static double LogH(double z)
    {
        if (z > -6)
        {
            var phi = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            var cdf = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            return Math.Log(Math.Max(phi + (z * cdf), 1e-300));
        }

        // h(z) = φ(z)·(1/z² − 3/z⁴ + 15/z⁶ − …) for z → −∞ (the asymptotic series of the Mills ratio).
        var z2 = z * z;
        return (-0.5 * z2) - LogSqrt2Pi - Math.Log(z2) + Math.Log(1 - (3 / z2) + (15 / (z2 * z2)));
    }
}
