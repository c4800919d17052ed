namespace GanTuner.Tuning.Objectives;

/// <summary>A synthetic function with its search space (continuous x0…x(d−1) in [0, 1]) and known minimum.</summary>
public sealed record SyntheticObjective(string Name, int Dimensions, double Minimum, Func<double[], double> Function)
{
    public static SyntheticObjective Hartmann6 { get; } =
        new("hartmann6", 6, ObjectiveFunctions.Hartmann6Minimum, ObjectiveFunctions.Hartmann6);

    public static SyntheticObjective Branin { get; } =
        new("branin", 2, ObjectiveFunctions.BraninMinimum, ObjectiveFunctions.Branin);

    public static IReadOnlyList<SyntheticObjective> All { get; } = [Hartmann6, Branin];

    /// <summary>The objective of that name (hartmann6, branin), or null.</summary>
    public static SyntheticObjective? Find(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    public SearchSpace Space() =>
        new(Enumerable.Range(0, Dimensions).Select(i => new RealParameter($"x{i}", 0, 1)));

    /// <summary>The function at a configuration of <see cref="Space"/>.</summary>
    public double Evaluate(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Function([.. Enumerable.Range(0, Dimensions).Select(i => parameters.GetDouble($"x{i}"))]);
    }
}
