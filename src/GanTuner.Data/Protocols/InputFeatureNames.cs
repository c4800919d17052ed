namespace GanTuner.Data.Protocols;

/// <summary>The command-line names of <see cref="InputFeatures"/>: a comma-separated list such as <c>close,return,range,volume</c>.</summary>
public static class InputFeatureNames
{
    public static IReadOnlyList<string> Names { get; } = ["close", "return", "range", "volume"];

    /// <summary>The features in their fixed order (close first).</summary>
    public static IReadOnlyList<InputFeatures> Each(this InputFeatures features) =>
        [.. Enum.GetValues<InputFeatures>().Where(f => features.HasFlag(f))];

    /// <summary>How many inputs each time step has.</summary>
    public static int Count(this InputFeatures features) => features.Each().Count;

    /// <summary>The name of one feature, e.g. "range".</summary>
    public static string SingleName(this InputFeatures feature) => Names[System.Numerics.BitOperations.Log2((uint)feature)];

    /// <summary>The comma-separated names in their fixed order, e.g. "close,return".</summary>
    public static string Name(this InputFeatures features) =>
        string.Join(',', features.Each().Select(SingleName));

    /// <summary>Parses a list of names (any order, case-insensitive); it must include close.</summary>
    public static bool TryParse(string? text, out InputFeatures features, out string? problem)
    {
        features = 0;
        problem = null;
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var index = Names.ToList().IndexOf(part.ToLowerInvariant());
            if (index < 0)
            {
                problem = $"--features takes a comma-separated list of {string.Join(", ", Names)}, not '{part}'";
                return false;
            }

            features |= (InputFeatures)(1 << index);
        }

        if (!features.HasFlag(InputFeatures.Close))
        {
            problem = $"--features must include close (the modelled series), got '{text}'";
            return false;
        }

        return true;
    }
}
