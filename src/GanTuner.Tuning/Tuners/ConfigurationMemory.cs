using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>The configurations a tuner has proposed or been told of, compared as decoded parameter sets
/// (two points in the same cell of a discrete parameter are the same configuration).</summary>
internal sealed class ConfigurationMemory(SearchSpace space)
{
    private const int RandomAttempts = 256;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="other"/> that can grow without changing it (say, by the pending points of one Ask).</summary>
    public ConfigurationMemory(SearchSpace space, ConfigurationMemory other)
        : this(space)
    {
        _seen.UnionWith(other._seen);
    }

    public int Count => _seen.Count;

    /// <summary>Every configuration of a finite space has been seen: repeating one is then unavoidable.</summary>
    public bool Exhausted => _seen.Count >= space.Cardinality;

    public bool Add(ReadOnlySpan<double> point) => _seen.Add(space.Decode(point).Key);

    /// <summary>Whether proposing <paramref name="point"/> respects "never repeat while something is new".</summary>
    public bool IsNovel(ReadOnlySpan<double> point) => Exhausted || !_seen.Contains(space.Decode(point).Key);

    /// <summary>A uniformly drawn snapped point that has not been seen (while one remains).</summary>
    public double[] RandomNovel(SeededRandom random)
    {
        for (var attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var point = space.Snap(random.NextPoint(space.Dimensions));
            if (IsNovel(point))
            {
                return point;
            }
        }

        // Few configurations are left unseen in a finite space: walk the configurations from a random start.
        var total = (long)space.Cardinality;
        var start = random.NextInt64(total);
        for (long step = 0; step < total; step++)
        {
            var point = space.PointOfCell((start + step) % total);
            if (IsNovel(point))
            {
                return point;
            }
        }

        throw new InvalidOperationException("No unseen configuration is left, yet the space is not exhausted.");
    }
}
