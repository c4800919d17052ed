using GanTuner.Neural;
using GanTuner.Tuning.Tuners;

namespace GanTuner.Tuning.Gan.Contrastive;

/// <summary>The rows the discriminators learn from at one Ask, their labels and weights: the real class (the best
/// observations, LFBO-weighted, plus random points while injecting) weighs ½, the fake class (the other
/// observations and the running configurations, plus the uniform prior points) ½.</summary>
internal sealed record ContrastiveTrainingSet(List<double[]> Rows, bool[] Real, double[] Weights, int Observed)
{
    /// <param name="points">The completed trials' points.</param>
    /// <param name="values">Their values.</param>
    /// <param name="order">Their indices, best first.</param>
    /// <param name="good">How many of the best are real.</param>
    /// <param name="running">Configurations running now (a constant liar: fake).</param>
    /// <param name="injecting">Whether the paper's injection adds random points to the real class.</param>
    /// <param name="settings">The tuner's settings.</param>
    /// <param name="random">This set's stream.</param>
    public static ContrastiveTrainingSet Build(IReadOnlyList<double[]> points, IReadOnlyList<double> values, int[] order, int good,
        List<double[]> running, bool injecting, ContrastiveGanSettings settings, SeededRandom random)
    {
        var dimensions = points[0].Length;
        var rows = new List<double[]>();
        var realWeights = new List<double>();
        var threshold = good < order.Length ? values[order[good]] : values[order[good - 1]];
        var realCounts = Resample(good, settings.Bootstrap, random.Derive("bootstrap-real"));
        for (var k = 0; k < good; k++)
        {
            rows.Add(points[order[k]]);
            realWeights.Add(realCounts[k] * (settings.Weighting ? threshold - values[order[k]] : 1.0));
        }

        if (realWeights.Sum() <= 0)
        {
            realWeights = [.. realCounts.Select(c => (double)c)];
        }

        if (injecting)
        {
            var mean = realWeights.Average();
            for (var k = 0; k < good; k++)
            {
                rows.Add(random.NextPoint(dimensions));
                realWeights.Add(mean);
            }
        }

        var realTotal = realWeights.Sum();
        var weights = realWeights.Select(w => 0.5 * w / realTotal).ToList();
        var realCount = rows.Count;
        var bad = order.Skip(good).Select(i => points[i]).Concat(running).ToList();
        // Running configurations are lies, not observations: they are never resampled away.
        var badCounts = Resample(order.Length - good, settings.Bootstrap, random.Derive("bootstrap-fake")).Concat(running.Select(_ => 1)).ToArray();
        var badTotal = (double)badCounts.Sum();
        var priorShare = settings.Prior ? (bad.Count == 0 ? 1.0 : settings.PriorShare) : 0.0;
        for (var k = 0; k < bad.Count; k++)
        {
            rows.Add(bad[k]);
            weights.Add(0.5 * (1 - priorShare) * badCounts[k] / badTotal);
        }

        if (priorShare > 0)
        {
            for (var k = 0; k < settings.PriorPoints; k++)
            {
                rows.Add(random.NextPoint(dimensions));
                weights.Add(0.5 * priorShare / settings.PriorPoints);
            }
        }

        var real = new bool[rows.Count];
        Array.Fill(real, true, 0, realCount);
        return new ContrastiveTrainingSet(rows, real, [.. weights], order.Length);
    }

    /// <summary>How often each of <paramref name="count"/> items is drawn when as many are drawn with replacement
    /// (all once without the bootstrap).</summary>
    private static int[] Resample(int count, bool bootstrap, SeededRandom random)
    {
        var counts = new int[count];
        if (!bootstrap)
        {
            Array.Fill(counts, 1);
            return counts;
        }

        for (var k = 0; k < count; k++)
        {
            counts[random.NextInt(count)]++;
        }

        return counts;
    }
}
