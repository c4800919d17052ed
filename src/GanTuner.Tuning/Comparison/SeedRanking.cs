using MathNet.Numerics.Statistics;

namespace GanTuner.Tuning.Comparison;

/// <summary>Comparisons of tuners seed by seed on their final best values (lower is better).</summary>
public static class SeedRanking
{
    /// <summary>Each tuner's rank among the tuners averaged over seeds: on every seed the tuners are ranked
    /// 1 (lowest final best) to k, tied values sharing their mean rank.</summary>
    /// <param name="finals">Per tuner, the final best value of each seed, seeds in the same order for every tuner.</param>
    public static IReadOnlyList<double> MeanRanks(IReadOnlyList<IReadOnlyList<double>> finals)
    {
        ArgumentNullException.ThrowIfNull(finals);
        if (finals.Count == 0)
        {
            return [];
        }

        var seeds = finals[0].Count;
        if (finals.Any(f => f.Count != seeds) || seeds == 0)
        {
            throw new ArgumentException("Every tuner needs a value for every seed, and there must be one seed at least.", nameof(finals));
        }

        var sums = new double[finals.Count];
        for (var s = 0; s < seeds; s++)
        {
            var ranks = finals.Select(f => f[s]).Ranks(RankDefinition.Average);
            for (var t = 0; t < sums.Length; t++)
            {
                sums[t] += ranks[t];
            }
        }

        return [.. sums.Select(sum => sum / seeds)];
    }

    /// <summary>The share of seeds on which <paramref name="tuner"/> ends lower than <paramref name="baseline"/>,
    /// a tie counting as half a win.</summary>
    public static double WinRate(IReadOnlyList<double> tuner, IReadOnlyList<double> baseline)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(baseline);
        if (tuner.Count != baseline.Count || tuner.Count == 0)
        {
            throw new ArgumentException("The runs must be paired by seed, and there must be one at least.", nameof(baseline));
        }

        return tuner.Zip(baseline, (a, b) => a < b ? 1.0 : a == b ? 0.5 : 0.0).Average();
    }
}
