namespace GanTuner.Tuning.Objectives;

/// <summary>Standard synthetic test functions on the unit cube: cheap stand-ins for an LSTM trial, so the
/// tuners can be compared over many seeds in seconds.</summary>
public static class ObjectiveFunctions
{
    /// <summary>The global minimum of <see cref="Hartmann6"/>.</summary>
    public const double Hartmann6Minimum = -3.32237;

    /// <summary>The global minimum of <see cref="Branin"/>.</summary>
    public const double BraninMinimum = 0.397887;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>The 6-dimensional Hartmann function on [0, 1]^6 (minimum −3.32237 near
    /// (0.2017, 0.1500, 0.4769, 0.2753, 0.3117, 0.6573)).</summary>
    public static double Hartmann6(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != 6)
        {
            throw new ArgumentException("Hartmann6 takes 6 coordinates.", nameof(x));
        }

        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var exponent = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var d = x[j] - P[i, j];
                exponent += A[i, j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-exponent);
        }

        return -sum;
    }

    /// <summary>The Branin–Hoo function with x1 ∈ [−5, 10], x2 ∈ [0, 15] rescaled to [0, 1]^2
    /// (minimum 0.397887 at three points, e.g. (π, 2.275)).</summary>
    public static double Branin(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != 2)
        {
            throw new ArgumentException("Branin takes 2 coordinates.", nameof(x));
        }

        var x1 = (15 * x[0]) - 5;
        var x2 = 15 * x[1];
        const double B = 5.1 / (4 * Math.PI * Math.PI), C = 5 / Math.PI, S = 10, T = 1 / (8 * Math.PI);
        var inner = x2 - (B * x1 * x1) + (C * x1) - 6;
        return (inner * inner) + (S * (1 - T) * Math.Cos(x1)) + S;
    }
}
