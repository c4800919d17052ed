using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners.Genetic;

/// <summary>A generational genetic algorithm with elitism, as the GA-LSTM literature tunes LSTMs
/// (Hatzilygeroudis et al., 2019; Vyas and Singh, 2024): a random first generation, then each generation
/// bred from the last by tournament selection, crossover and mutation, its best members kept.</summary>
/// <remarks>
/// Genes are cube coordinates. A new generation is bred when every member of the current one has been
/// asked: parents are the previous elites plus the members whose results are known by then (a member
/// still running when its generation is replaced simply does not breed). A child that repeats a seen
/// configuration is mutated again, and after a few tries replaced by a random unseen configuration.
/// </remarks>
public sealed class GeneticTuner : ITuner
{
    private const int MutationAttempts = 16;
    private readonly SearchSpace _space;
    private readonly GeneticSettings _settings;
    private readonly double _mutationRate;
    private readonly SeededRandom _random;
    private readonly ConfigurationMemory _memory;
    private readonly Queue<double[]> _unasked = new();
    private readonly Dictionary<string, Member> _generation = new(StringComparer.Ordinal);
    private List<Member> _parents = [];

    public GeneticTuner(SearchSpace space, int seed, GeneticSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _space = space;
        _settings = settings;
        _mutationRate = settings.MutationRate ?? 1.0 / space.Dimensions;
        _random = new SeededRandom(seed).Derive("ga");
        _memory = new ConfigurationMemory(space);
    }

    public string Name => "ga";

    /// <summary>Generations bred so far (the random first one included).</summary>
    public int Generations { get; private set; }

    public Proposal Ask()
    {
        if (_unasked.Count == 0)
        {
            Breed();
        }

        var point = _unasked.Dequeue();
        if (!_memory.IsNovel(point))
        {
            // Told of meanwhile (a retry of another study's trial, say): never repeat it.
            point = _memory.RandomNovel(_random);
        }

        _memory.Add(point);
        _generation.TryAdd(Key(point), new Member(point));
        return new Proposal(point, new Dictionary<string, string> { ["ga.generation"] = Generations.ToString(System.Globalization.CultureInfo.InvariantCulture) });
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
        var point = _space.Snap(observation.Point);
        var fitness = observation.Value is double v && double.IsFinite(v) ? v : double.PositiveInfinity;
        if (_generation.TryGetValue(Key(point), out var member))
        {
            member.Fitness = fitness;
        }
        else
        {
            _generation[Key(point)] = new Member(point) { Fitness = fitness };
        }
    }

    private void Breed()
    {
        var evaluated = _generation.Values.Where(m => m.Fitness is not null).ToList();
        _generation.Clear();
        _parents = [.. _parents.OrderBy(m => m.Fitness).Take(_settings.Elites).Concat(evaluated)
            .OrderBy(m => m.Fitness).Take(_settings.Population)];
        Generations++;
        var children = _parents.Count == 0 ? _settings.Population : _settings.Population - Math.Min(_settings.Elites, _parents.Count);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < children; i++)
        {
            var child = _parents.Count == 0 ? null : Offspring(planned);
            child ??= NovelRandom(planned);
            planned.Add(Key(child));
            _unasked.Enqueue(child);
        }
    }

    private double[]? Offspring(HashSet<string> planned)
    {
        var first = Select();
        var second = Select();
        var child = _random.NextDouble() < _settings.CrossoverRate ? Crossover(first, second) : (double[])first.Point.Clone();
        for (var attempt = 0; attempt < MutationAttempts; attempt++)
        {
            Mutate(child, forceOne: attempt > 0);
            var snapped = _space.Snap(child);
            if (_memory.IsNovel(snapped) && !planned.Contains(Key(snapped)))
            {
                return snapped;
            }
        }

        return null;
    }

    private double[] NovelRandom(HashSet<string> planned)
    {
        for (var attempt = 0; ; attempt++)
        {
            var point = _memory.RandomNovel(_random);
            if (!planned.Contains(Key(point)) || _memory.Exhausted || attempt >= MutationAttempts)
            {
                return point;
            }
        }
    }

    private Member Select()
    {
        var best = _parents[_random.NextInt(_parents.Count)];
        for (var i = 1; i < _settings.Tournament; i++)
        {
            var contestant = _parents[_random.NextInt(_parents.Count)];
            if (contestant.Fitness < best.Fitness)
            {
                best = contestant;
            }
        }

        return best;
    }

    private double[] Crossover(Member first, Member second)
    {
        var child = new double[_space.Dimensions];
        for (var i = 0; i < child.Length; i++)
        {
            double a = first.Point[i], b = second.Point[i];
            if (_settings.Crossover == GeneticSettings.Uniform || _space.Parameters[i] is CategoricalParameter)
            {
                child[i] = _random.NextDouble() < 0.5 ? a : b;
            }
            else
            {
                var spread = Math.Abs(a - b) * _settings.BlendAlpha;
                child[i] = UnitCube.Reflect(_random.NextUniform(Math.Min(a, b) - spread, Math.Max(a, b) + spread));
            }
        }

        return child;
    }

    private void Mutate(double[] genes, bool forceOne)
    {
        var forced = forceOne ? _random.NextInt(genes.Length) : -1;
        for (var i = 0; i < genes.Length; i++)
        {
            if (i != forced && _random.NextDouble() >= _mutationRate)
            {
                continue;
            }

            genes[i] = _space.Parameters[i] is CategoricalParameter
                ? _random.NextDouble()
                : UnitCube.Reflect(genes[i] + (_settings.MutationScale * _random.NextGaussian()));
        }
    }

    private string Key(double[] point) => _space.Decode(point).Key;

    private sealed class Member(double[] point)
    {
        public double[] Point { get; } = point;

        public double? Fitness { get; set; }
    }
}
