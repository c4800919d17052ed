using GanTuner.Tuning.Gan;
using GanTuner.Tuning.Tuners;
using GanTuner.Tuning.Tuners.Genetic;
using GanTuner.Tuning.Tuners.Tpe;

namespace GanTuner.Tuning;

/// <summary>Builds a tuner from its command-line name; the one place that knows every tuner.</summary>
public static class TunerFactory
{
    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["random", "grid", "tpe", "tpe-univariate", "tpe-multivariate", "ga", "gan", "gan-no-injection", "gan-no-diversity", "gan-no-feedback"];

    public static ITuner Create(string name, SearchSpace space, int seed, TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        return name switch
        {
            "random" => new RandomTuner(space, seed),
            "grid" => new GridTuner(space, seed, GridSettings.From(options)),
            // "tpe" is multivariate (see TpeTuner); "tpe-multivariate" names the same tuner explicitly.
            "tpe" or "tpe-multivariate" => new TpeTuner(space, seed, TpeSettings.From(options, multivariate: true)),
            "tpe-univariate" => new TpeTuner(space, seed, TpeSettings.From(options, multivariate: false)),
            "ga" => new GeneticTuner(space, seed, GeneticSettings.From(options)),
            "gan" => GanTunerBuilder.Create(space, seed, options),
            "gan-no-injection" => GanTunerBuilder.Create(space, seed, options.With("gan.no_injection", "true")),
            "gan-no-diversity" => GanTunerBuilder.Create(space, seed, options.With("gan.no_diversity", "true")),
            "gan-no-feedback" => GanTunerBuilder.Create(space, seed, options.With("gan.no_feedback", "true")),
            _ => throw new TunerOptionsException($"unknown tuner '{name}'; expected one of {string.Join(", ", Names)}"),
        };
    }
}
