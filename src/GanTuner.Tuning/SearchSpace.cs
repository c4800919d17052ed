using System.Text;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>The hyperparameters a study searches, and the map between the unit cube [0, 1]^d (where
/// every tuner works) and typed configurations (what every objective receives).</summary>
public sealed class SearchSpace
{
    public SearchSpace(IEnumerable<SearchParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0)
        {
            throw new SearchSpaceException("a search space needs at least one parameter");
        }

        var duplicate = Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SearchSpaceException($"the parameter name '{duplicate.Key}' appears twice");
        }

        Cardinality = Parameters.Aggregate(1.0, (product, p) => product * (p.Cardinality ?? double.PositiveInfinity));
    }

    public IReadOnlyList<SearchParameter> Parameters { get; }

    public int Dimensions => Parameters.Count;

    /// <summary>How many distinct configurations exist (infinite when a parameter is continuous).</summary>
    public double Cardinality { get; }

    /// <summary>Table 1 of the paper: the space of the stacked-LSTM forecaster's hyperparameters.</summary>
    public static SearchSpace Table1() => new(
    [
        new IntegerParameter("layers", 1, 5),
        new IntegerParameter("units", 1, 50),
        new RealParameter("learning_rate", 1e-5, 0.1, log: true),
        new PowerOfTwoParameter("batch_size", 16, 2048),
        new SteppedParameter("dropout", 0.1, 0.9, 0.1),
        new IntegerParameter("sequence_length", 1, 250),
    ]);

    /// <summary>Reads a space from a JSON file (format: <see cref="Parse"/>).</summary>
    public static SearchSpace Load(string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        if (!File.Exists(jsonPath))
        {
            throw new SearchSpaceException(Directory.Exists(jsonPath)
                ? $"search space file '{jsonPath}' is a folder, not a file"
                : $"search space file '{jsonPath}' does not exist");
        }

        string json;
        try
        {
            json = File.ReadAllText(jsonPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SearchSpaceException($"cannot read search space file '{jsonPath}' ({e.Message})", e);
        }

        return SearchSpaceJson.Parse(json, $"'{jsonPath}'");
    }

    /// <summary>Reads a space from JSON: <c>{"parameters": [{"name": "lr", "kind": "real", "low": 1e-5,
    /// "high": 0.1, "log": true}, …]}</c> with kinds integer (low, high), real (low, high, log),
    /// stepped (low, high, step), power_of_two (low, high) and categorical (choices).</summary>
    public static SearchSpace Parse(string json) => SearchSpaceJson.Parse(json, "text");

    /// <summary>The canonical JSON of this space (what <see cref="Parse"/> reads back).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("parameters");
            foreach (var parameter in Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("kind", parameter.Kind);
                parameter.WriteJson(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The configuration at a point of the cube.</summary>
    public ParameterSet Decode(ReadOnlySpan<double> point)
    {
        RequireDimensions(point.Length);
        var values = new KeyValuePair<string, ParameterValue>[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            values[i] = new(Parameters[i].Name, Parameters[i].Decode(point[i]));
        }

        return new ParameterSet(values);
    }

    /// <summary>The canonical point of a configuration (cell centres for discrete parameters).</summary>
    public double[] Encode(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var unknown = parameters.Values.Keys.FirstOrDefault(name => Parameters.All(p => p.Name != name));
        if (unknown is not null)
        {
            throw new SearchSpaceException($"the search space has no parameter '{unknown}'");
        }

        return [.. Parameters.Select(p => parameters.Values.TryGetValue(p.Name, out var value)
            ? p.Encode(value)
            : throw new SearchSpaceException($"the configuration has no value for '{p.Name}'"))];
    }

    /// <summary>The canonical point of the configuration at <paramref name="point"/>: each discrete
    /// coordinate moved to its cell's centre, continuous ones clamped to [0, 1].</summary>
    public double[] Snap(ReadOnlySpan<double> point)
    {
        RequireDimensions(point.Length);
        var snapped = new double[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            snapped[i] = Parameters[i].Snap(point[i]);
        }

        return snapped;
    }

    /// <summary>Configuration number <paramref name="index"/> of a finite space, in mixed radix (the
    /// first parameter varies slowest), as its canonical point.</summary>
    internal double[] PointOfCell(long index)
    {
        var point = new double[Dimensions];
        for (var i = Dimensions - 1; i >= 0; i--)
        {
            var k = Parameters[i].Cardinality ?? throw new InvalidOperationException("The space is continuous.");
            point[i] = ((index % k) + 0.5) / k;
            index /= k;
        }

        return point;
    }

    private void RequireDimensions(int length)
    {
        if (length != Dimensions)
        {
            throw new ArgumentException($"The point has {length} coordinates; the space has {Dimensions} parameters.");
        }
    }
}
