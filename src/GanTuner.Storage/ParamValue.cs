using System.Globalization;

namespace GanTuner.Storage;

/// <summary>A stored parameter value: a number (integers are stored as exact doubles) or a text choice.</summary>
public readonly record struct ParamValue
{
    private ParamValue(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The numeric value, or null for a text value.</summary>
    public double? Number { get; }

    /// <summary>The text value, or null for a numeric value.</summary>
    public string? Text { get; }

    public static ParamValue Of(double number) => new(number, null);

    public static ParamValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ParamValue(null, text);
    }

    public override string ToString() =>
        Text ?? Number!.Value.ToString("R", CultureInfo.InvariantCulture);
}
