namespace GanTuner.Tuning;

/// <summary>
/// A tuner proposes points of the unit cube [0,1)^d and learns from the values observed there.
/// </summary>
/// <remarks>
/// A tuner is deterministic given its seed and the sequence of <see cref="Ask"/> and <see cref="Tell"/>
/// calls it receives. A study therefore never persists a tuner: it rebuilds one by replaying its trials
/// in order (Ask, then Tell with the recorded point and value), so a resumed or ask/tell study proposes
/// exactly what an uninterrupted one would have.
/// </remarks>
public interface ITuner
{
    /// <summary>The tuner's name as the command line spells it (random, grid, tpe, ga, gan…).</summary>
    string Name { get; }

    /// <summary>The next point to evaluate, with attributes worth recording beside the trial.</summary>
    Proposal Ask();

    /// <summary>The outcome of a point this tuner (or a retry of an interrupted trial) evaluated.</summary>
    void Tell(Observation observation);
}
