using System.Collections.ObjectModel;

namespace GanTuner.Storage;

/// <summary>Private, order-preserving copies, so that a record handed out by a store cannot be changed
/// through a collection its creator still holds.</summary>
internal static class ReadOnlyCopies
{
    public static IReadOnlyDictionary<string, T> Of<T>(IEnumerable<KeyValuePair<string, T>>? source)
    {
        var copy = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        if (source is not null)
        {
            foreach (var (key, value) in source)
            {
                copy[key] = value;
            }
        }

        return new ReadOnlyDictionary<string, T>(copy);
    }

    public static IReadOnlyList<double> Of(IEnumerable<double>? source) =>
        Array.AsReadOnly(source?.ToArray() ?? []);
}
