using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>Grid search: the product of a few levels per parameter, visited in an order shuffled by the seed.</summary>
/// <remarks>
/// Level j of n is the centre of the j-th of n equal slices of the interval, snapped to the parameter's
/// values, so a grid never sits on the range's edges. The order is a lazy Fisher–Yates permutation:
/// memory grows with the trials asked, not with the grid's size. Grid points already evaluated (say by a
/// retry) are skipped; once the grid is used up the tuner continues with random unseen configurations.
/// </remarks>
public sealed class GridTuner : ITuner
{
    private readonly SearchSpace _space;
    private readonly SeededRandom _random;
    private readonly ConfigurationMemory _memory;
    private readonly int[] _levels;
    private readonly long _size;
    private readonly Dictionary<long, long> _swapped = [];
    private long _next;

    public GridTuner(SearchSpace space, int seed, GridSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        _random = new SeededRandom(seed).Derive("grid");
        _memory = new ConfigurationMemory(space);
        _levels = [.. space.Parameters.Select(p => Math.Min(settings.Points, p.Cardinality ?? settings.Points))];
        var size = _levels.Aggregate(1.0, (product, n) => product * n);
        if (size > long.MaxValue / 2)
        {
            throw new TunerOptionsException($"the grid would have {size:G3} points; lower grid.points");
        }

        _size = (long)size;
    }

    public string Name => "grid";

    /// <summary>How many points the grid has.</summary>
    public long Size => _size;

    public Proposal Ask()
    {
        while (_next < _size)
        {
            var point = _space.Snap(PointAt(DrawNext()));
            if (_memory.IsNovel(point))
            {
                _memory.Add(point);
                return new Proposal(point);
            }
        }

        var fallback = _memory.RandomNovel(_random);
        _memory.Add(fallback);
        return new Proposal(fallback);
    }

    /// <summary>Never proposes a pending configuration: each is remembered as seen (it will be told anyway).</summary>
    public Proposal Ask(IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        foreach (var point in pending)
        {
            _memory.Add(point);
        }

        return Ask();
    }

    public void Tell(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _memory.Add(observation.Point);
    }

    private long DrawNext()
    {
        var pick = _next + _random.NextInt64(_size - _next);
        var chosen = _swapped.GetValueOrDefault(pick, pick);
        _swapped[pick] = _swapped.GetValueOrDefault(_next, _next);
        _swapped.Remove(_next);
        _next++;
        return chosen;
    }

    private double[] PointAt(long index)
    {
        var point = new double[_levels.Length];
        for (var i = _levels.Length - 1; i >= 0; i--)
        {
            point[i] = ((index % _levels[i]) + 0.5) / _levels[i];
            index /= _levels[i];
        }

        return point;
    }
}
