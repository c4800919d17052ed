using GanTuner.Reporting.Model;
using GanTuner.Storage;

namespace GanTuner.Reporting.Building;

/// <summary>The objective sequences of the studies named with <c>--compare</c>.</summary>
internal static class ComparisonCurves
{
    private static readonly string[] SameDataKeys =
        [StudyAttributeKeys.Data, StudyAttributeKeys.Column, StudyAttributeKeys.Protocol, StudyAttributeKeys.Target];

    /// <exception cref="ReportException">A named study is not in the store.</exception>
    public static List<ComparisonCurve> Load(IStudyStore store, StudyRecord study, IEnumerable<string> names, ICollection<string> notes)
    {
        var curves = new List<ComparisonCurve>();
        foreach (var name in names.Where(n => n != study.Name).Distinct(StringComparer.Ordinal))
        {
            var other = store.FindStudy(name) ?? throw new ReportException(UnknownStudy.Message(store, name));
            var differing = SameDataKeys.Where(k => other.UserAttributes.GetValueOrDefault(k) != study.UserAttributes.GetValueOrDefault(k)).ToList();
            if (differing.Count > 0)
            {
                notes.Add($"Study '{name}' differs from '{study.Name}' in {string.Join(", ", differing)}: its curve in the comparison is not like for like.");
            }

            var values = store.GetTrials(name).Where(t => !t.IsInterrupted)
                .Select(t => t.State == TrialState.Complete ? t.Value : null).ToList();
            curves.Add(new ComparisonCurve(name, other.TunerName, values));
        }

        return curves;
    }
}
