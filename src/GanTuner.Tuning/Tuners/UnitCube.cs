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
}
