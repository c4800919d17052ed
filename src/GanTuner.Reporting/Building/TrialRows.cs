using GanTuner.Reporting.Model;
using GanTuner.Storage;

namespace GanTuner.Reporting.Building;

/// <summary>Stored trials as report rows. The iteration is the trial number plus one, as the paper counts;
/// trials interrupted by a stopped process are left out, since a retry trial re-evaluated each of them.</summary>
internal static class TrialRows
{
    public static List<IterationRow> Of(IReadOnlyList<TrialRecord> trials, IReadOnlyList<ParameterAxis> axes)
    {
        var choices = axes.Where(a => a.Choices is not null).ToDictionary(a => a.Name, a => a.Choices!.ToArray(), StringComparer.Ordinal);
        return [.. trials.Where(t => !t.IsInterrupted).Select(t => new IterationRow(
            t.Number + 1,
            t.State.ToString(),
            t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v) ? v : null,
            Parameters(t, choices),
            t.Metrics,
            t.Attributes.TryGetValue(StudyAttributeKeys.GanInjection, out var injection) && IsTrue(injection),
            t.Duration?.TotalSeconds ?? (t.Metrics.TryGetValue("wall_seconds", out var wall) ? wall : null)))];
    }

    private static Dictionary<string, double> Parameters(TrialRecord trial, Dictionary<string, string[]> choices)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in trial.Parameters)
        {
            if (value.Number is { } number)
            {
                values[name] = number;
            }
            else if (choices.TryGetValue(name, out var list) && Array.IndexOf(list, value.Text) is var index and >= 0)
            {
                values[name] = index;
            }
        }

        return values;
    }

    private static bool IsTrue(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" || text.Equals("yes", StringComparison.OrdinalIgnoreCase);
}
