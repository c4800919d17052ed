using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>The unit cube the tuners search in, before the space decodes a point.</summary>
internal static class UnitCube
{
    /// <summary>The whole cube as a box: zeros and ones.</summary>
    public static (double[] Low, double[] High) Box(int dimensions)
    {
        var high = new double[dimensions];
        Array.Fill(high, 1.0);
        return (new double[dimensions], high);
    }

    /// <summary>Folds a coordinate back into [0, 1] like a mirror: clamping would pile steps onto the edges.</summary>
    public static double Reflect(double x)
    {
        var folded = Math.Abs(x) % 2.0;
        return folded > 1.0 ? 2.0 - folded : folded;
    }

    /// <summary>A Gaussian step of <paramref name="scale"/> on every coordinate, reflected or clamped into the cube;
    /// a categorical coordinate is instead redrawn with <paramref name="scale"/> as its chance (a choice has no
    /// neighbours to step to).</summary>
    public static double[] GaussianStep(double[] point, double scale, bool[] categorical, bool reflect, SeededRandom random)
    {
        var x = new double[point.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (categorical[i])
            {
                x[i] = random.NextDouble() < scale ? random.NextDouble() : point[i];
                continue;
            }

            var moved = point[i] + (scale * random.NextGaussian());
            x[i] = reflect ? Reflect(moved) : Math.Clamp(moved, 0.0, 1.0);
        }

        return x;
    }
}
