using System.Globalization;
using GanTuner.Reporting.Model;
using GanTuner.Reporting.Text;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Gan;

namespace GanTuner.Reporting.Building;

/// <summary>The GAN generator of a study, described from the tuner the study's definition builds (its name,
/// space, seed and options): the same construction <c>tune</c> used, so the table shows what ran.</summary>
internal static class GeneratorArchitecture
{
    public static IReadOnlyList<GeneratorPathway> Of(StudyRecord study, ICollection<string> notes)
    {
        if (!study.TunerName.StartsWith("gan", StringComparison.Ordinal))
        {
            return [];
        }

        SearchSpace space;
        AdversarialTuner gan;
        try
        {
            space = SearchSpace.Parse(study.SearchSpaceJson);
            if (TunerFactory.Create(study.TunerName, space, study.Seed, TunerOptions.FromJson(study.TunerOptionsJson)) is not AdversarialTuner built)
            {
                return [];
            }

            gan = built;
        }
        catch (Exception e) when (e is SearchSpaceException or TunerOptionsException)
        {
            notes.Add($"The GAN's architecture could not be rebuilt from the study's definition ({e.Message}).");
            return [];
        }

        var sizes = gan.PathwaySizes;
        // Hidden layers are tanh and the output a sigmoid (GanSettings.PathwayLayers, appendix A).
        var activations = Enumerable.Repeat("tanh", sizes.Count - 2).Append("sigmoid").ToArray();
        var inputs = string.Create(CultureInfo.InvariantCulture,
            $"last {gan.Settings.HistoryLength} objective values + {gan.Settings.NoiseDimensions} noise");
        return [.. space.Parameters.Select(p => new GeneratorPathway(p.Name, inputs, sizes, activations, Range(p)))];
    }

    private static string Range(SearchParameter parameter) => parameter switch
    {
        RealParameter real => $"{(real.Log ? "log scale" : "linear")}, {N(real.Low)} to {N(real.High)}",
        IntegerParameter integer => $"integers {N(integer.Low)} to {N(integer.High)}",
        PowerOfTwoParameter power => $"powers of two, {N(power.Low)} to {N(power.High)}",
        SteppedParameter stepped => $"steps of {N(stepped.Step)}, {N(stepped.Low)} to {N(stepped.High)}",
        CategoricalParameter categorical => "one of " + string.Join(", ", categorical.Choices),
        _ => parameter.Kind,
    };

    private static string N(double value) => NumberFormat.Parameter(value);
}
