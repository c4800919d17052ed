using GanTuner.Reporting.Text;

namespace GanTuner.Reporting.Model;

/// <summary>A hyperparameter as the figures draw it; <see cref="LogScale"/> for ranges searched on a log
/// scale (the learning rate, powers of two), where a linear axis would crush every value but the largest.
/// A categorical parameter has <see cref="Choices"/>, and its values are indices into them.</summary>
public sealed record ParameterAxis(string Name, bool LogScale)
{
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A value as the tables print it: the choice's text, or the number.</summary>
    public string Format(double value) =>
        Choices is { } choices && value >= 0 && value < choices.Count && value == Math.Floor(value)
            ? choices[(int)value]
            : NumberFormat.Parameter(value);
}
