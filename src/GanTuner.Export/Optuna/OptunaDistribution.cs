using System.Text.Json;
using System.Text.Json.Nodes;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Export.Optuna;

/// <summary>Our parameter kinds as Optuna 3.1's distributions, and a value as Optuna stores it
/// (<c>trial_params.param_value</c> is the distribution's internal representation: the number itself, or
/// for a categorical the index of the choice).</summary>
internal static class OptunaDistribution
{
    /// <summary>integer → IntDistribution(step 1); real → FloatDistribution(log); stepped →
    /// FloatDistribution(step); categorical → CategoricalDistribution; power_of_two → CategoricalDistribution
    /// of its integers, since Optuna has no power-of-two distribution and an IntDistribution would admit
    /// values between the powers.</summary>
    public static string ToJson(SearchParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (name, attributes) = parameter switch
        {
            IntegerParameter i => ("IntDistribution", new JsonObject { ["log"] = false, ["step"] = 1, ["low"] = i.Low, ["high"] = i.High }),
            RealParameter r => ("FloatDistribution", new JsonObject { ["step"] = null, ["low"] = r.Low, ["high"] = r.High, ["log"] = r.Log }),
            SteppedParameter s => ("FloatDistribution", new JsonObject { ["step"] = s.Step, ["low"] = s.Low, ["high"] = s.High, ["log"] = false }),
            PowerOfTwoParameter p => ("CategoricalDistribution", new JsonObject { ["choices"] = new JsonArray([.. Powers(p).Select(v => (JsonNode)v)]) }),
            CategoricalParameter c => ("CategoricalDistribution", new JsonObject { ["choices"] = new JsonArray([.. c.Choices.Select(v => (JsonNode)v)]) }),
            _ => throw new ExportException($"parameter '{parameter.Name}' is of kind '{parameter.Kind}', which has no Optuna distribution"),
        };
        return new JsonObject { ["name"] = name, ["attributes"] = attributes }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>The stored value of <paramref name="value"/> under <paramref name="parameter"/>'s distribution.</summary>
    public static double InternalValue(SearchParameter parameter, ParamValue value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        int index;
        switch (parameter)
        {
            case CategoricalParameter c:
                index = c.Choices.ToList().IndexOf(value.Text ?? value.ToString());
                break;
            case PowerOfTwoParameter p:
                index = value.Number is { } n ? Powers(p).ToList().IndexOf((long)n) : -1;
                break;
            default:
                return value.Number ?? throw new ExportException($"parameter '{parameter.Name}' holds the text '{value.Text}', not a number");
        }

        return index >= 0 ? index : throw new ExportException($"parameter '{parameter.Name}' holds {value}, which is not one of its values");
    }

    private static IEnumerable<long> Powers(PowerOfTwoParameter parameter)
    {
        for (var v = parameter.Low; v <= parameter.High; v *= 2)
        {
            yield return v;
        }
    }
}
