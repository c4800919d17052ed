using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>Whole numbers from <see cref="Low"/> to <see cref="High"/> inclusive, equally likely under a uniform point.</summary>
public sealed class IntegerParameter : SearchParameter
{
    private const long MaxValues = 1 << 30;

    public IntegerParameter(string name, long low, long high)
        : base(name)
    {
        if (low > high)
        {
            throw Invalid($"low must not exceed high (low = {low}, high = {high})");
        }

        if (high - low >= MaxValues)
        {
            throw Invalid($"the range holds more than {MaxValues} integers; use a real parameter");
        }

        Low = low;
        High = high;
    }

    public long Low { get; }

    public long High { get; }

    public override string Kind => "integer";

    public override int? Cardinality => (int)(High - Low + 1);

    public override ParameterValue Decode(double u) => ParameterValue.OfInteger(Low + CellOf(u, Cardinality!.Value));

    public override double Encode(ParameterValue value)
    {
        var v = value.Kind == ParameterValueKind.IntegerNumber ? value.AsInteger() : throw Invalid($"{value} is not an integer");
        return v >= Low && v <= High
            ? CentreOf((int)(v - Low), Cardinality!.Value)
            : throw Invalid($"{v} is outside [{Low}, {High}]");
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteNumber("low", Low);
        writer.WriteNumber("high", High);
    }
}
