using GanTuner.Dashboard.Views;

namespace GanTuner.Dashboard.Analysis;

/// <summary>PED-ANOVA (Watanabe, Bansal and Hutter, IJCAI 2023): a hyperparameter matters in as much as the
/// distribution of its values among the top-γ trials differs from its distribution among all trials,
/// measured by the Pearson χ² divergence. It needs no surrogate model (fANOVA fits a random forest), so it is
/// closed-form and fast on 10,000 trials. As Optuna's <c>PedAnovaImportanceEvaluator</c> does: γ = 0.1 of the
/// complete trials, densities on a grid of 50 points (Gaussian kernels, Scott's bandwidth) for continuous
/// parameters, smoothed frequencies over the values for discrete ones. Everything is done in the search
/// space's unit-cube coordinates, where log-scaled parameters are already on their log scale.</summary>
internal static class PedAnova
{
    public const string Method = "PED-ANOVA (Watanabe et al., IJCAI 2023), top 10 % of complete trials against all";
    public const double Gamma = 0.1;
    public const int MinimumTrials = 10;
    private const int GridPoints = 50;

    public static ImportanceResult Evaluate(StudySnapshot snapshot)
    {
        var names = snapshot.ParameterNames;
        var dimensions = names.Count;
        var trials = snapshot.Complete.Where(t => t.Point.Count == dimensions).ToArray();
        if (dimensions == 0 || trials.Length < MinimumTrials)
        {
            return new ImportanceResult(Method, [], $"needs at least {MinimumTrials} complete trials ({trials.Length} so far)");
        }

        var ordered = trials.OrderBy(t => t.Value!.Value).ToArray();
        var topCount = Math.Max(2, (int)Math.Ceiling(Gamma * ordered.Length));
        var raw = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var all = ordered.Select(t => t.Point[d]).ToArray();
            var top = all[..topCount];
            var cells = snapshot.Space?.Parameters[d].Cardinality;
            raw[d] = cells is int k && k <= 64 ? DiscreteDivergence(top, all, k) : ContinuousDivergence(top, all);
        }

        var total = raw.Sum();
        if (!(total > 0))
        {
            return new ImportanceResult(Method, [.. names.Select(n => (n, 1.0 / dimensions))], "every parameter's top trials are spread as all trials are");
        }

        return new ImportanceResult(
            Method,
            [.. names.Select((n, d) => (n, raw[d] / total)).OrderByDescending(s => s.Item2)],
            null);
    }

    /// <summary>Σ p_all (p_top / p_all − 1)² over the value cells, with one pseudo-count per cell so that a
    /// value no top trial took has a defined, small density.</summary>
    internal static double DiscreteDivergence(double[] top, double[] all, int cells)
    {
        var pTop = Frequencies(top, cells);
        var pAll = Frequencies(all, cells);
        var divergence = 0.0;
        for (var c = 0; c < cells; c++)
        {
            var ratio = pTop[c] / pAll[c];
            divergence += pAll[c] * (ratio - 1) * (ratio - 1);
        }

        return divergence;
    }

    internal static double ContinuousDivergence(double[] top, double[] all)
    {
        var pTop = Density(top);
        var pAll = Density(all);
        var divergence = 0.0;
        for (var g = 0; g < GridPoints; g++)
        {
            var ratio = pTop[g] / pAll[g];
            divergence += pAll[g] * (ratio - 1) * (ratio - 1);
        }

        return divergence;
    }

    private static double[] Frequencies(double[] coordinates, int cells)
    {
        var counts = Enumerable.Repeat(1.0, cells).ToArray();
        foreach (var u in coordinates)
        {
            counts[Math.Clamp((int)Math.Floor(u * cells), 0, cells - 1)]++;
        }

        var sum = counts.Sum();
        return [.. counts.Select(c => c / sum)];
    }

    /// <summary>A Gaussian kernel density on the grid's cell centres, normalised over the grid (so the unit
    /// interval's edges lose no mass).</summary>
    private static double[] Density(double[] coordinates)
    {
        var n = coordinates.Length;
        var mean = coordinates.Average();
        var sd = Math.Sqrt(coordinates.Sum(u => (u - mean) * (u - mean)) / Math.Max(1, n - 1));
        var bandwidth = Math.Max(1.059 * sd * Math.Pow(n, -0.2), 1.0 / GridPoints);
        var density = new double[GridPoints];
        for (var g = 0; g < GridPoints; g++)
        {
            var x = (g + 0.5) / GridPoints;
            var sum = 0.0;
            foreach (var u in coordinates)
            {
                var z = (x - u) / bandwidth;
                sum += Math.Exp(-0.5 * z * z);
            }

            density[g] = sum + 1e-12;
        }

        var total = density.Sum();
        for (var g = 0; g < GridPoints; g++)
        {
            density[g] /= total;
        }

        return density;
    }
}
