using System.Numerics;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>Powers of two from <see cref="Low"/> to <see cref="High"/> (e.g. a batch size: 16, 32, … 2048).</summary>
public sealed class PowerOfTwoParameter : SearchParameter
{
    private readonly int _lowExponent;

    public PowerOfTwoParameter(string name, long low, long high)
        : base(name)
    {
        if (low <= 0 || !BitOperations.IsPow2(low) || high <= 0 || !BitOperations.IsPow2(high))
        {
            throw Invalid($"low and high must be powers of two (low = {low}, high = {high})");
        }

        if (low > high)
        {
            throw Invalid($"low must not exceed high (low = {low}, high = {high})");
        }

        Low = low;
        High = high;
        _lowExponent = BitOperations.Log2((ulong)low);
        Cardinality = BitOperations.Log2((ulong)high) - _lowExponent + 1;
    }

    public long Low { get; }

    public long High { get; }

    public override string Kind => "power_of_two";

    public override int? Cardinality { get; }

    public override ParameterValue Decode(double u) => ParameterValue.OfInteger(Low << CellOf(u, Cardinality!.Value));

    public override double Encode(ParameterValue value)
    {
        var v = value.Kind == ParameterValueKind.IntegerNumber ? value.AsInteger() : throw Invalid($"{value} is not an integer");
        return v >= Low && v <= High && BitOperations.IsPow2(v)
            ? CentreOf(BitOperations.Log2((ulong)v) - _lowExponent, Cardinality!.Value)
            : throw Invalid($"{v} is not a power of two in [{Low}, {High}]");
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteNumber("low", Low);
        writer.WriteNumber("high", High);
    }
}
