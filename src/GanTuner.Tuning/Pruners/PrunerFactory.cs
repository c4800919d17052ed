namespace GanTuner.Tuning.Pruners;

/// <summary>Pruners by the names the command line uses.</summary>
public static class PrunerFactory
{
    public static IReadOnlyList<string> Names { get; } = ["none", "median", "asha"];

    /// <summary>The pruner of that name with Optuna's defaults (median: 5 start-up trials; asha: η = 4), or
    /// null for "none". Throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IPruner? Create(string name) => name switch
    {
        "none" => null,
        "median" => new MedianPruner(),
        "asha" => new SuccessiveHalvingPruner(),
        _ => throw new ArgumentException($"unknown pruner '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
