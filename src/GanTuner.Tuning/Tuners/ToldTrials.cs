using GanTuner.Neural;

namespace GanTuner.Tuning.Tuners;

/// <summary>What a tuner whose proposals are a pure function of what it was told keeps between Asks: every
/// configuration told (never proposed again), the completed ones (snapped) with their values in the order told,
/// and its own proposals still running.</summary>
/// <remarks>Each Ask's random stream is derived from the seed and the number of trials told plus running, so a
/// replay that only tells reaches the same stream as the study that asked along the way.</remarks>
internal sealed class ToldTrials(SearchSpace space)
{
    private readonly ConfigurationMemory _memory = new(space);
    private readonly PendingConfigurations _running = new(space);
    private readonly List<double[]> _points = [];
    private readonly List<double> _values = [];
    private int _told;

    /// <summary>The completed trials' snapped points, in the order told.</summary>
    public IReadOnlyList<double[]> Points => _points;

    /// <summary>The completed trials' values, in the order told (failed trials have none).</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The state one Ask works from: the configurations running (<paramref name="pending"/> and own
    /// proposals not yet told), every configuration it must not propose, and its random stream.</summary>
    public AskState Open(IReadOnlyList<double[]> pending, SeededRandom root)
    {
        var running = _running.With(pending);
        var excluded = new ConfigurationMemory(space, _memory);
        running.ForEach(p => excluded.Add(p));
        return new AskState(running, excluded, root.Derive((ulong)(_told + running.Count)));
    }

    /// <summary>Remembers a proposal as running until it is told.</summary>
    public void Proposed(double[] point) => _running.Proposed(point);

    /// <summary>Records a result; returns its value when the trial completed with a finite one.</summary>
    public double? Tell(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _told++;
        _memory.Add(observation.Point);
        _running.Told(observation.Point);
        if (observation.Value is not double value || !double.IsFinite(value))
        {
            return null;
        }

        _points.Add(space.Snap(observation.Point));
        _values.Add(value);
        return value;
    }

    /// <summary>One Ask's view: <see cref="Running"/> (snapped), <see cref="Excluded"/> (told or running) and its
    /// <see cref="Random"/> stream.</summary>
    public sealed record AskState(List<double[]> Running, ConfigurationMemory Excluded, SeededRandom Random);
}
