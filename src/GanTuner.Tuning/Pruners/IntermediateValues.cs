using System.Globalization;
using GanTuner.Storage;

namespace GanTuner.Tuning.Pruners;

/// <summary>A trial's per-epoch losses as the study keeps them: one attribute, a comma-separated list in
/// round-trip form, written when the trial finishes.</summary>
public static class IntermediateValues
{
    /// <summary>The trial attribute that holds the curve.</summary>
    public const string AttributeKey = "intermediate_values";

    /// <summary>The epoch a pruned trial was stopped after (an attribute of Pruned trials).</summary>
    public const string PrunedAtKey = "pruned_at_epoch";

    public static string Format(IEnumerable<double> values) =>
        string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The trial's curve, or an empty list when it has none.</summary>
    public static IReadOnlyList<double> Of(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Attributes.TryGetValue(AttributeKey, out var text) && text.Length > 0
            ? [.. text.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))]
            : [];
    }
}
