using System.Globalization;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>Real values from <see cref="Low"/> to <see cref="High"/> in steps of <see cref="Step"/> (e.g. a dropout rate).</summary>
public sealed class SteppedParameter : SearchParameter
{
    private const double Tolerance = 1e-9;
    private readonly int _digits;

    public SteppedParameter(string name, double low, double high, double step)
        : base(name)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !double.IsFinite(step))
        {
            throw Invalid("low, high and step must be finite numbers");
        }

        if (low > high)
        {
            throw Invalid(Format($"low must not exceed high (low = {low}, high = {high})"));
        }

        if (step <= 0)
        {
            throw Invalid(Format($"step must be above zero (step = {step})"));
        }

        var steps = (high - low) / step;
        if (Math.Abs(steps - Math.Round(steps)) > Tolerance * Math.Max(1, steps) || steps > 1 << 30)
        {
            throw Invalid(Format($"the range {low}..{high} is not a whole number of steps of {step}"));
        }

        Low = low;
        High = high;
        Step = step;
        Cardinality = (int)Math.Round(steps) + 1;
        // Rounding to a few digits past the step's own keeps 0.1 + 2 * 0.1 from printing as 0.30000000000000004.
        _digits = Math.Clamp((int)Math.Ceiling(-Math.Log10(step)) + 3, 0, 15);
    }

    public double Low { get; }

    public double High { get; }

    public double Step { get; }

    public override string Kind => "stepped";

    public override int? Cardinality { get; }

    public override ParameterValue Decode(double u) => ParameterValue.OfReal(ValueAt(CellOf(u, Cardinality!.Value)));

    public override double Encode(ParameterValue value)
    {
        if (value.Kind == ParameterValueKind.Text)
        {
            throw Invalid($"'{value}' is not a number");
        }

        var v = value.AsDouble();
        var index = (int)Math.Round((v - Low) / Step);
        return index >= 0 && index < Cardinality && Math.Abs(ValueAt(index) - v) <= Tolerance * Step
            ? CentreOf(index, Cardinality!.Value)
            : throw Invalid(Format($"{v} is not one of {Low}, {Low + Step}, … {High}"));
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteNumber("low", Low);
        writer.WriteNumber("high", High);
        writer.WriteNumber("step", Step);
    }

    private double ValueAt(int index) => Math.Min(Math.Round(Low + (index * Step), _digits), High);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
