using System.Globalization;

namespace GanTuner.Tuning.Comparison;

/// <summary>Which tuners to compare on one objective: each runs <see cref="Seeds"/> studies (seeds
/// <see cref="FirstSeed"/>, <see cref="FirstSeed"/>+1, …) of <see cref="Budget"/> evaluations.</summary>
/// <param name="ObjectiveName">Names the objective in every study name, so it must say everything a trial's
/// value depends on (for the LSTM: data, protocol, target, epochs, space), or two comparisons would share studies.</param>
/// <param name="Space">The search space every tuner searches.</param>
/// <param name="Tuners">Tuner names (<see cref="TunerFactory.Names"/>), in the order results are reported.</param>
/// <param name="Budget">Evaluations per run.</param>
/// <param name="Seeds">Runs per tuner.</param>
/// <param name="FirstSeed">The first run's seed.</param>
/// <param name="Options">Tuner settings, handed to every tuner (each reads its own prefix).</param>
public sealed record ComparisonPlan(
    string ObjectiveName,
    SearchSpace Space,
    IReadOnlyList<string> Tuners,
    int Budget,
    int Seeds,
    int FirstSeed,
    TunerOptions Options)
{
    /// <summary>User attributes given to every study the comparison creates (what the data and protocol were).</summary>
    public IReadOnlyDictionary<string, string>? StudyAttributes { get; init; }

    /// <summary>The seeds of the runs, in order.</summary>
    public IEnumerable<int> SeedValues => Enumerable.Range(FirstSeed, Seeds);

    /// <summary>Every run, seed by seed (all tuners of the first seed, then of the next): a comparison stopped
    /// half-way then holds complete seeds, which can already be compared tuner against tuner.</summary>
    public IReadOnlyList<ComparisonRun> Runs =>
        [.. SeedValues.SelectMany(seed => Tuners.Select(tuner => new ComparisonRun(tuner, seed, StudyName(tuner, seed))))];

    /// <summary>Trials the whole comparison evaluates.</summary>
    public int TotalTrials => Tuners.Count * Seeds * Budget;

    /// <summary>The study that holds one (tuner, seed) run, so a comparison in a file store resumes.</summary>
    public string StudyName(string tuner, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"compare/{ObjectiveName}/{tuner}/seed-{seed}");
}
