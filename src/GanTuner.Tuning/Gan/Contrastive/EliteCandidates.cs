using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The pools drawn around the best observations that the default <c>gan</c> does not use: fixed-scale
/// perturbations of the elite (without the trust region, <c>gan-no-region</c>) and Parzen draws around the real
/// class (<c>gan.pool_parzen</c>).</summary>
internal sealed class EliteCandidates(bool[] categorical, ContrastiveGanSettings settings)
{
    private static readonly double[] Scales = [0.02, 0.05, 0.1, 0.2];

    /// <summary>Perturbations of the elite, cycling through the elite and then the scales, every scale times
    /// (startup / n)^shrink: a region that tightens as the study grows, 1 at the first model Ask.</summary>
    public List<double[]> Perturbations(IReadOnlyList<double[]> points, int[] order, SeededRandom random)
    {
        var shrink = Math.Pow((double)settings.Startup / Math.Max(settings.Startup, points.Count), settings.Shrink);
        var elite = order.Take(Math.Min(settings.Elite, order.Length)).Select(i => points[i]).ToArray();
        var pool = new List<double[]>(settings.PoolPerturbed);
        for (var c = 0; c < settings.PoolPerturbed; c++)
        {
            pool.Add(Perturb(elite[c % elite.Length], shrink * Scales[(c / elite.Length) % Scales.Length], random));
        }

        return pool;
    }

    /// <summary>Draws from a Parzen density around the real (good) observations, as multivariate TPE's l(x):
    /// one Gaussian kernel per good point with Scott's-rule width 0.2·n^(−1/(d+4)) on every coordinate (times
    /// <see cref="ContrastiveGanSettings.ParzenWidth"/>), reflected at the edges; a categorical coordinate is
    /// redrawn with that width as its chance. The discriminator, not the density, then chooses among them.</summary>
    public List<double[]> Parzen(IReadOnlyList<double[]> points, int[] order, int good, SeededRandom random)
    {
        var d = categorical.Length;
        var sigma = ScottWidth(settings.ParzenWidth, points.Count, d);
        var samples = new List<double[]>(settings.PoolParzen);
        for (var c = 0; c < settings.PoolParzen; c++)
        {
            var centre = points[order[random.NextInt(good)]];
            samples.Add(UnitCube.GaussianStep(centre, sigma, categorical, reflect: true, random));
        }

        return samples;
    }

    /// <summary>multiplier · 0.2·n^(−1/(d+4)): Scott's rule on the unit cube, the width of the Parzen draws and of
    /// the discriminator's jitter.</summary>
    public static double ScottWidth(double multiplier, int n, int dimensions) =>
        multiplier * 0.2 * Math.Pow(n, -1.0 / (dimensions + 4));

    private double[] Perturb(double[] point, double scale, SeededRandom random)
    {
        var x = UnitCube.GaussianStep(point, scale, categorical, reflect: true, random);
        // Moving only some coordinates (at least one) is a line search along the others' values: in a
        // few dimensions at a time, a step is less often spoilt by the rest.
        if (settings.PerturbedShare < 1)
        {
            var kept = random.NextInt(x.Length);
            for (var i = 0; i < x.Length; i++)
            {
                if (i != kept && random.NextDouble() >= settings.PerturbedShare)
                {
                    x[i] = point[i];
                }
            }
        }

        return x;
    }
}
