using System.Globalization;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>A continuous range, uniform on a linear or (with <see cref="Log"/>) a logarithmic scale.</summary>
public sealed class RealParameter : SearchParameter
{
    private readonly double _from;
    private readonly double _to;

    public RealParameter(string name, double low, double high, bool log = false)
        : base(name)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            throw Invalid("low and high must be finite numbers");
        }

        if (low > high)
        {
            throw Invalid(Format($"low must not exceed high (low = {low}, high = {high})"));
        }

        if (log && low <= 0)
        {
            throw Invalid(Format($"a log range must lie above zero (low = {low})"));
        }

        Low = low;
        High = high;
        Log = log;
        _from = log ? Math.Log(low) : low;
        _to = log ? Math.Log(high) : high;
    }

    public double Low { get; }

    public double High { get; }

    public bool Log { get; }

    public override string Kind => "real";

    public override int? Cardinality => null;

    public override ParameterValue Decode(double u)
    {
        var t = _from + (Clamp(u) * (_to - _from));
        return ParameterValue.OfReal(Math.Clamp(Log ? Math.Exp(t) : t, Low, High));
    }

    public override double Encode(ParameterValue value)
    {
        if (value.Kind == ParameterValueKind.Text)
        {
            throw Invalid($"'{value}' is not a number");
        }

        var v = value.AsDouble();
        if (v < Low || v > High)
        {
            throw Invalid(Format($"{v} is outside [{Low}, {High}]"));
        }

        return _to == _from ? 0.5 : Clamp(((Log ? Math.Log(v) : v) - _from) / (_to - _from));
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteNumber("low", Low);
        writer.WriteNumber("high", High);
        if (Log)
        {
            writer.WriteBoolean("log", true);
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
