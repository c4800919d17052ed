using GanTuner.Storage;

namespace GanTuner.Tuning.Studies;

/// <summary>Typed parameter values in the store's form (numbers or text).</summary>
internal static class StoredParameters
{
    public static IEnumerable<KeyValuePair<string, ParamValue>> From(ParameterSet parameters) =>
        parameters.Values.Select(p => new KeyValuePair<string, ParamValue>(
            p.Key, p.Value.Kind == ParameterValueKind.Text ? ParamValue.Of(p.Value.AsText()) : ParamValue.Of(p.Value.AsDouble())));
}
