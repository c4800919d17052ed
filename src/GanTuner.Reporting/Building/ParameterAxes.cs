using GanTuner.Reporting.Model;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Reporting.Building;

/// <summary>The report's view of a study's search space: names in the space's order, which ranges are
/// logarithmic, which are choices.</summary>
internal static class ParameterAxes
{
    public static IReadOnlyList<ParameterAxis> Of(StudyRecord study, IReadOnlyList<TrialRecord> trials, ICollection<string> notes)
    {
        try
        {
            return [.. SearchSpace.Parse(study.SearchSpaceJson).Parameters.Select(Of)];
        }
        catch (SearchSpaceException e)
        {
            notes.Add($"The study's search space could not be read ({e.Message}); hyperparameters are shown as recorded, on linear axes.");
            return [.. trials.SelectMany(t => t.Parameters.Keys).Distinct(StringComparer.Ordinal).Select(name => new ParameterAxis(name, false))];
        }
    }

    private static ParameterAxis Of(SearchParameter parameter) => parameter switch
    {
        RealParameter real => new ParameterAxis(real.Name, real.Log),
        PowerOfTwoParameter => new ParameterAxis(parameter.Name, true),
        CategoricalParameter categorical => new ParameterAxis(categorical.Name, false) { Choices = categorical.Choices },
        _ => new ParameterAxis(parameter.Name, false),
    };
}
