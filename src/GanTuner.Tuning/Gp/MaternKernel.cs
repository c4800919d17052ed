namespace GanTuner.Tuning.Gp;

/// <summary>The Matérn-5/2 kernel with one lengthscale per dimension (ARD), a signal variance and a noise
/// variance: k(x, x′) = s²(1 + √5·r + 5r²/3)·exp(−√5·r), r² = Σᵢ δᵢ(x, x′)²/ℓᵢ², where δᵢ is the coordinate
/// difference, or for a categorical dimension 0 when both are the same choice and 1 otherwise (choices have
/// no order).</summary>
internal sealed record MaternKernel(double[] Lengthscales, double SignalVariance, double NoiseVariance, bool[] Categorical)
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>The squared difference of one coordinate as the kernel sees it.</summary>
    public static double SquaredDifference(double a, double b, bool categorical)
    {
        if (categorical)
        {
            // Both are cell centres: the same choice iff (nearly) equal.
            return Math.Abs(a - b) < 1e-9 ? 0.0 : 1.0;
        }

        var d = a - b;
        return d * d;
    }

    /// <summary>The noise-free covariance of two points.</summary>
    public double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var r2 = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            r2 += SquaredDifference(a[i], b[i], Categorical[i]) / (Lengthscales[i] * Lengthscales[i]);
        }

        return OfSquaredDistance(r2);
    }

    /// <summary>s²·(1 + √5r + 5r²/3)·exp(−√5r) for r² = <paramref name="r2"/>.</summary>
    public double OfSquaredDistance(double r2)
    {
        var r = Math.Sqrt(r2);
        return SignalVariance * (1 + (Sqrt5 * r) + (5.0 / 3.0 * r2)) * Math.Exp(-Sqrt5 * r);
    }

    /// <summary>The factor of every lengthscale gradient at r² = <paramref name="r2"/>: ∂k/∂log ℓᵢ = this · δᵢ²/ℓᵢ².</summary>
    public double LengthscaleFactor(double r2)
    {
        var r = Math.Sqrt(r2);
        return SignalVariance * (5.0 / 3.0) * (1 + (Sqrt5 * r)) * Math.Exp(-Sqrt5 * r);
    }
}
