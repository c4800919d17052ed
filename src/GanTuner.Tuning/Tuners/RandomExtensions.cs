using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>Draws the tuners need beyond what <see cref="SeededRandom"/> offers.</summary>
internal static class RandomExtensions
{
    /// <summary>A uniform point of the cube.</summary>
    public static double[] NextPoint(this SeededRandom random, int dimensions)
    {
        var point = new double[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            point[i] = random.NextDouble();
        }

        return point;
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public static long NextInt64(this SeededRandom random, long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var high = Math.BigMul(random.NextUInt64(), bound, out var low);
            if (low >= threshold)
            {
                return (long)high;
            }
        }
    }
}
