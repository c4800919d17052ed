using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>A configuration: one typed value per parameter, in the search space's order.</summary>
/// <remarks>Two sets are equal when they hold the same values under the same names, whatever the order;
/// <see cref="Key"/> is a stable text of that identity, so "already evaluated?" is a set lookup.</remarks>
public sealed class ParameterSet : IEquatable<ParameterSet>
{
    public ParameterSet(IEnumerable<KeyValuePair<string, ParameterValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new OrderedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!copy.TryAdd(name, value))
            {
                throw new ArgumentException($"The parameter '{name}' appears twice.", nameof(values));
            }
        }

        Values = new ReadOnlyDictionary<string, ParameterValue>(copy);
        Key = BuildKey(copy);
    }

    public IReadOnlyDictionary<string, ParameterValue> Values { get; }

    /// <summary>Names sorted ordinally, "name=value" joined by ';', text values JSON-quoted.</summary>
    public string Key { get; }

    public int Count => Values.Count;

    public ParameterValue this[string name] =>
        Values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No parameter named '{name}'.");

    public int GetInt32(string name) => checked((int)this[name].AsInteger());

    public double GetDouble(string name) => this[name].AsDouble();

    public string GetString(string name) => this[name].AsText();

    public bool Equals(ParameterSet? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Key;

    public static bool operator ==(ParameterSet? left, ParameterSet? right) => Equals(left, right);

    public static bool operator !=(ParameterSet? left, ParameterSet? right) => !Equals(left, right);

    private static string BuildKey(OrderedDictionary<string, ParameterValue> values)
    {
        var key = new StringBuilder();
        foreach (var name in values.Keys.Order(StringComparer.Ordinal))
        {
            var value = values[name];
            key.Append(key.Length == 0 ? "" : ";").Append(name).Append('=')
                .Append(value.Kind == ParameterValueKind.Text ? JsonSerializer.Serialize(value.AsText()) : value.ToString());
        }

        return key.ToString();
    }
}
