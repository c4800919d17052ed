using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>One of a list of named choices (unordered: tuners that know it, like TPE, treat it so).</summary>
public sealed class CategoricalParameter : SearchParameter
{
    public CategoricalParameter(string name, IEnumerable<string> choices)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Choices = [.. choices];
        if (Choices.Count == 0)
        {
            throw Invalid("a categorical parameter needs at least one choice");
        }

        var duplicate = Choices.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Invalid($"the choice '{duplicate.Key}' appears twice");
        }
    }

    public IReadOnlyList<string> Choices { get; }

    public override string Kind => "categorical";

    public override int? Cardinality => Choices.Count;

    public override ParameterValue Decode(double u) => ParameterValue.OfText(Choices[CellOf(u, Choices.Count)]);

    public override double Encode(ParameterValue value)
    {
        var text = value.Kind == ParameterValueKind.Text ? value.AsText() : value.ToString();
        var index = Choices.ToList().IndexOf(text);
        return index >= 0 ? CentreOf(index, Choices.Count) : throw Invalid($"'{text}' is not one of its choices");
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("choices");
        foreach (var choice in Choices)
        {
            writer.WriteStringValue(choice);
        }

        writer.WriteEndArray();
    }
}
