using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>Uniform random search over the cube (Bergstra and Bengio, 2012), never repeating a configuration.</summary>
public sealed class RandomTuner : ITuner
{
    private readonly SeededRandom _random;
    private readonly ConfigurationMemory _memory;

    public RandomTuner(SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _random = new SeededRandom(seed).Derive("random");
        _memory = new ConfigurationMemory(space);
    }

    public string Name => "random";

    public Proposal Ask()
    {
        var point = _memory.RandomNovel(_random);
        _memory.Add(point);
        return new Proposal(point);
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
}
