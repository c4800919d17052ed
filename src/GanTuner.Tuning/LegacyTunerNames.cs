namespace GanTuner.Tuning;

/// <summary>Maps the tuner name a study was stored with to the tuner that must replay it, for names whose
/// meaning changed: before the second-generation GAN, "gan" (and "gan-no-injection", "gan-no-diversity",
/// "gan-no-feedback") named the paper's tuner, now <c>gan-paper</c>.</summary>
/// <remarks>
/// The two generations are told apart by their trials: the second-generation GAN records
/// <see cref="GanVersionKey"/> on every proposal; the paper's tuner never did, though it always recorded
/// <c>gan.phase</c>. A study that holds a paper-GAN trial therefore keeps replaying with the paper's tuner, bit
/// for bit, and goes on with it; a study with no trials yet (nothing to replay) gets the current tuner.
/// </remarks>
public static class LegacyTunerNames
{
    /// <summary>The attribute (value "2") that the second-generation GAN puts on each proposal.</summary>
    public const string GanVersionKey = "gan.version";

    private const string PhaseKey = "gan.phase";

    private static readonly Dictionary<string, string> PaperNames = new(StringComparer.Ordinal)
    {
        ["gan"] = "gan-paper",
        ["gan-no-injection"] = "gan-paper-no-injection",
        ["gan-no-diversity"] = "gan-paper-no-diversity",
        ["gan-no-feedback"] = "gan-paper-no-feedback",
    };

    /// <summary>The tuner that replays a study stored as <paramref name="storedName"/> whose trials carry
    /// <paramref name="trialAttributes"/>: the stored name itself unless a paper-GAN trial is among them.</summary>
    public static string Resolve(string storedName, IEnumerable<IReadOnlyDictionary<string, string>> trialAttributes)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        ArgumentNullException.ThrowIfNull(trialAttributes);
        return PaperNames.TryGetValue(storedName, out var paper)
            && trialAttributes.Any(a => a.ContainsKey(PhaseKey) && !a.ContainsKey(GanVersionKey))
            ? paper
            : storedName;
    }
}
