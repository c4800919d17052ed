namespace GanTuner.Tuning;

/// <summary>
/// A tuner proposes points of the unit cube [0,1)^d and learns from the values observed there.
/// </summary>
/// <remarks>
/// A tuner is deterministic given its seed and the sequence of <see cref="Ask()"/> and <see cref="Tell"/>
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

    /// <summary>The next point while the trials at <paramref name="pending"/> are still running elsewhere
    /// (other workers, or asked and not yet told). A tuner must not propose a pending point again and
    /// should treat pending points as not good (a constant liar), so parallel workers spread out.</summary>
    /// <remarks>With no pending points this is exactly <see cref="Ask()"/>, so single-worker replay is unchanged.</remarks>
    Proposal Ask(IReadOnlyList<double[]> pending) => Ask();

    /// <summary>Whether replaying a study must call <see cref="Ask()"/> for every trial (true, the default: the
    /// tuner's state depends on its Asks). False for a tuner whose proposal is a pure function of its seed, what it
    /// was told and what is pending: replay then tells the finished trials and skips their Asks, the running
    /// trials' too (the next Ask is handed them as pending, which such a tuner must honour), which is what makes a
    /// 100-trial replay cost one model fit instead of a hundred.</summary>
    bool ReplayNeedsAsks => true;

    /// <summary>The outcome of a point this tuner (or a retry of an interrupted trial) evaluated.</summary>
    void Tell(Observation observation);
}
