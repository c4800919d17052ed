using System.Globalization;

namespace GanTuner.Tuning;

/// <summary>One typed hyperparameter value: an integer, a real number or a categorical choice.</summary>
public readonly record struct ParameterValue
{
    private readonly double _number;
    private readonly string? _text;

    private ParameterValue(ParameterValueKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    public ParameterValueKind Kind { get; }

    public static ParameterValue OfInteger(long value) => new(ParameterValueKind.IntegerNumber, value, null);

    public static ParameterValue OfReal(double value) =>
        double.IsFinite(value)
            ? new ParameterValue(ParameterValueKind.RealNumber, value, null)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A parameter value must be finite.");

    public static ParameterValue OfText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ParameterValue(ParameterValueKind.Text, 0, value);
    }

    /// <summary>The value of an integer parameter.</summary>
    public long AsInteger() =>
        Kind == ParameterValueKind.IntegerNumber ? (long)_number : throw WrongKind(ParameterValueKind.IntegerNumber);

    /// <summary>The value of an integer or real parameter, as a double.</summary>
    public double AsDouble() =>
        Kind != ParameterValueKind.Text ? _number : throw WrongKind(ParameterValueKind.RealNumber);

    /// <summary>The value of a categorical parameter.</summary>
    public string AsText() => _text ?? throw WrongKind(ParameterValueKind.Text);

    /// <summary>Invariant text: "64", "0.001", "relu".</summary>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.IntegerNumber => ((long)_number).ToString(CultureInfo.InvariantCulture),
        ParameterValueKind.RealNumber => _number.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    private InvalidOperationException WrongKind(ParameterValueKind wanted) =>
        new($"The value {this} is {Kind}, not {wanted}.");
}
