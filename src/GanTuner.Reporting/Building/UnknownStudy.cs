using GanTuner.Storage;

namespace GanTuner.Reporting.Building;

/// <summary>The message for a study name the store does not hold: which names it does hold.</summary>
internal static class UnknownStudy
{
    public static string Message(IStudyStore store, string name)
    {
        var names = store.ListStudies().Select(s => s.Name).ToList();
        return names.Count == 0
            ? $"no study named '{name}': the store holds no study yet"
            : $"no study named '{name}'; the store holds: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", …" : "")}";
    }
}
