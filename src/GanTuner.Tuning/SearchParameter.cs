using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>One hyperparameter: its name and how the unit interval maps to its values.</summary>
/// <remarks>
/// Tuners see only the interval [0, 1]. A parameter with k values (integer, stepped, power of two,
/// categorical) splits it into k equal cells, value j owning [j/k, (j+1)/k); a continuous parameter maps it
/// linearly or logarithmically. So a tuner needs no knowledge of types, and any point decodes to a value.
/// </remarks>
public abstract class SearchParameter
{
    private protected SearchParameter(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SearchSpaceException("a parameter needs a non-empty name");
        }

        Name = name;
    }

    public string Name { get; }

    /// <summary>The kind as the JSON format spells it: integer, real, stepped, power_of_two, categorical.</summary>
    public abstract string Kind { get; }

    /// <summary>How many distinct values the parameter has, or null when it is continuous.</summary>
    public abstract int? Cardinality { get; }

    /// <summary>The value at coordinate <paramref name="u"/> (clamped to [0, 1]).</summary>
    public abstract ParameterValue Decode(double u);

    /// <summary>The coordinate of <paramref name="value"/>: the centre of its cell for a discrete parameter.</summary>
    public abstract double Encode(ParameterValue value);

    /// <summary>The canonical coordinate of the value at <paramref name="u"/>: its cell's centre, or
    /// <paramref name="u"/> clamped to [0, 1] for a continuous parameter.</summary>
    public double Snap(double u) =>
        Cardinality is int k ? (CellOf(u, k) + 0.5) / k : Clamp(u);

    internal abstract void WriteJson(Utf8JsonWriter writer);

    private protected static double Clamp(double u) => double.IsNaN(u) ? 0.5 : Math.Clamp(u, 0.0, 1.0);

    private protected static int CellOf(double u, int cells) =>
        (int)Math.Clamp(Math.Floor(Clamp(u) * cells), 0, cells - 1);

    private protected static double CentreOf(int cell, int cells) => (cell + 0.5) / cells;

    private protected SearchSpaceException Invalid(string problem) => new($"parameter '{Name}': {problem}");
}
