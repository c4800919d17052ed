namespace GanTuner.Tuning.Comparison;

/// <summary>Which tuners to compare on one objective: each runs <see cref="Seeds"/> studies (seeds
/// <see cref="FirstSeed"/>, <see cref="FirstSeed"/>+1, …) of <see cref="Budget"/> evaluations.</summary>
public sealed record ComparisonPlan(
    string ObjectiveName,
    SearchSpace Space,
    IReadOnlyList<string> Tuners,
    int Budget,
    int Seeds,
    int FirstSeed,
    TunerOptions Options)
{
    /// <summary>The study that holds one (tuner, seed) run, so a comparison in a file store resumes.</summary>
    public string StudyName(string tuner, int seed) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"compare/{ObjectiveName}/{tuner}/seed-{seed}");
}
