using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>Tuner-specific settings as text, keyed "tuner.setting" (e.g. <c>tpe.startup=20</c>, <c>grid.points=4</c>).</summary>
/// <remarks>
/// Each tuner reads only keys under its own prefix (so one set can be handed to several tuners, as
/// <c>compare</c> does), checks that it knows every key under that prefix (a typo is an error, not a
/// silently ignored setting) and falls back to its documented default for a key that is absent. The
/// settings are stored with the study as JSON, so a resumed study rebuilds the same tuner.
/// Keys: <c>tpe.*</c> in <c>TpeSettings</c>, <c>grid.*</c> in <c>GridSettings</c>, <c>ga.*</c> in
/// <c>GeneticSettings</c>; the GAN tuner documents its <c>gan.*</c> keys.
/// </remarks>
public sealed record TunerOptions
{
    public TunerOptions(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Trim() != key)
            {
                throw new TunerOptionsException($"'{key}' is not a valid tuner option name");
            }

            sorted[key] = value ?? throw new TunerOptionsException($"tuner option '{key}' has no value");
        }

        Values = new ReadOnlyDictionary<string, string>(sorted);
    }

    public static TunerOptions Empty { get; } = new([]);

    /// <summary>The settings, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Reads "key=value" assignments as the command line's <c>--option</c> gives them.</summary>
    public static TunerOptions Parse(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        // A key given twice is a mistake (which one was meant?), not a silent "last one wins".
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new TunerOptions(assignments.Select(text =>
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var pair = equals > 0
                ? new KeyValuePair<string, string>(text[..equals].Trim(), text[(equals + 1)..].Trim())
                : throw new TunerOptionsException($"tuner option '{text}' is not of the form key=value");
            return seen.Add(pair.Key) ? pair : throw new TunerOptionsException($"tuner option '{pair.Key}' is given twice");
        }).ToList());
    }

    public static TunerOptions FromJson(string json)
    {
        try
        {
            return new TunerOptions(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
        }
        catch (JsonException e)
        {
            throw new TunerOptionsException($"stored tuner options are not a JSON object of strings: {e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(Values);

    public TunerOptions With(string key, string value) =>
        new(Values.Where(p => p.Key != key).Append(new KeyValuePair<string, string>(key, value)));

    public string? Get(string key) => Values.GetValueOrDefault(key);

    public int GetInt32(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Get(key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new TunerOptionsException($"tuner option '{key}' must be an integer in [{min}, {max}], not '{text}'");
    }

    public double GetDouble(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Get(key);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new TunerOptionsException(
                string.Create(CultureInfo.InvariantCulture, $"tuner option '{key}' must be a number in [{min}, {max}], not '{text}'"));
    }

    public bool GetBoolean(string key, bool fallback) => Get(key) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var text => throw new TunerOptionsException($"tuner option '{key}' must be true or false, not '{text}'"),
    };

    public string GetChoice(string key, string fallback, params string[] choices)
    {
        var text = Get(key) ?? fallback;
        return choices.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new TunerOptionsException($"tuner option '{key}' must be one of {string.Join(", ", choices)}, not '{text}'");
    }

    /// <summary>Throws when a key under "<paramref name="prefix"/>." is not one of <paramref name="known"/>.</summary>
    public void RequireKnown(string prefix, params string[] known)
    {
        var unknown = Values.Keys.FirstOrDefault(key =>
            key.StartsWith(prefix + ".", StringComparison.Ordinal) && !known.Contains(key, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new TunerOptionsException(
                $"unknown tuner option '{unknown}'; the {prefix} options are {string.Join(", ", known)}");
        }
    }

    public bool Equals(TunerOptions? other) =>
        other is not null && Values.Count == other.Values.Count
        && Values.All(p => other.Values.TryGetValue(p.Key, out var v) && v == p.Value);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    public override string ToString() => string.Join(" ", Values.Select(p => $"{p.Key}={p.Value}"));
}
