using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The second-generation GAN's trust region at one Ask, as TuRBO keeps one: a box of side
/// <see cref="Side"/> around the best point, cut to the cube (a categorical coordinate keeps its whole range).</summary>
internal sealed class TrustRegion
{
    private readonly double[] _centre;
    private readonly bool[] _categorical;

    public TrustRegion(double[] centre, double side, bool[] categorical)
    {
        _centre = centre;
        _categorical = categorical;
        Side = side;
        (Low, High) = UnitCube.Box(centre.Length);
        for (var i = 0; i < centre.Length; i++)
        {
            if (!categorical[i])
            {
                Low[i] = Math.Max(0, centre[i] - (side / 2));
                High[i] = Math.Min(1, centre[i] + (side / 2));
            }
        }
    }

    public double Side { get; }

    public double[] Low { get; }

    public double[] High { get; }

    /// <summary>The side after <paramref name="values"/> (the completed values, in the order told): from
    /// <see cref="ContrastiveGanSettings.RegionInitial"/> at the first model trial, doubled (up to the maximum)
    /// after a run of improvements on the best, halved after a run of trials that did not improve, and back to the
    /// initial side when it falls below the minimum (a restart). Replayed from the values, so replay stays exact.</summary>
    public static double ReplaySide(IReadOnlyList<double> values, ContrastiveGanSettings settings, int dimensions)
    {
        var failuresToShrink = settings.RegionFailures > 0 ? settings.RegionFailures : Math.Max(4, dimensions);
        var side = settings.RegionInitial;
        var best = values.Take(settings.Startup).Min();
        var (successes, failures) = (0, 0);
        for (var t = settings.Startup; t < values.Count; t++)
        {
            var improved = values[t] < best - (1e-3 * Math.Abs(best));
            best = Math.Min(best, values[t]);
            (successes, failures) = improved ? (successes + 1, 0) : (0, failures + 1);
            if (successes >= settings.RegionSuccesses)
            {
                side = Math.Min(2 * side, settings.RegionMaximum);
                successes = 0;
            }
            else if (failures >= failuresToShrink)
            {
                side /= 2;
                failures = 0;
                if (side < settings.RegionMinimum)
                {
                    side = settings.RegionInitial;
                }
            }
        }

        return side;
    }

    /// <summary>A point drawn uniformly from the box on each coordinate with probability
    /// <paramref name="movedShare"/> (at least one), the centre's value on the others; a categorical coordinate is
    /// redrawn with probability side/2.</summary>
    public double[] Draw(double movedShare, SeededRandom random)
    {
        var x = (double[])_centre.Clone();
        var kept = random.NextInt(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var moved = i == kept || random.NextDouble() < movedShare;
            if (!moved)
            {
                continue;
            }

            if (_categorical[i])
            {
                x[i] = random.NextDouble() < Math.Min(1, Side / 2) ? random.NextDouble() : _centre[i];
            }
            else
            {
                x[i] = random.NextUniform(Low[i], High[i]);
            }
        }

        return x;
    }
}
