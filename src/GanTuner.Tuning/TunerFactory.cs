using GanTuner.Tuning.Gan;
using GanTuner.Tuning.Gan.Contrastive;
using GanTuner.Tuning.Gp;
using GanTuner.Tuning.Tuners;
using GanTuner.Tuning.Tuners.Genetic;
using GanTuner.Tuning.Tuners.Tpe;

namespace GanTuner.Tuning;

/// <summary>Builds a tuner from its command-line name; the one place that knows every tuner.</summary>
public static class TunerFactory
{
    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [
            "random", "grid", "tpe", "tpe-univariate", "tpe-multivariate", "ga", "gp",
            "gan", .. ContrastiveGanSettings.Parts.Select(part => "gan-no-" + part),
            "gan-paper", "gan-paper-no-injection", "gan-paper-no-diversity", "gan-paper-no-feedback",
        ];

    /// <summary>Refuses options that the named tuner would never read: <see cref="Create"/> ignores keys of other
    /// tuners (so <c>compare</c> can hand one set to several), but a study of one tuner given another's key, or a
    /// key with no tuner's prefix, has a typo that would otherwise be silently stored and ignored.</summary>
    /// <exception cref="TunerOptionsException">A key outside the tuner's own prefix.</exception>
    public static void RequireOwnOptions(string name, TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = name switch
        {
            "grid" => "grid.",
            "tpe" or "tpe-univariate" or "tpe-multivariate" => "tpe.",
            "ga" => "ga.",
            "gp" => "gp.",
            _ when name.StartsWith("gan", StringComparison.Ordinal) => "gan.",
            _ => null,
        };
        var foreign = options.Values.Keys.FirstOrDefault(key => prefix is null || !key.StartsWith(prefix, StringComparison.Ordinal));
        if (foreign is not null)
        {
            throw new TunerOptionsException(prefix is null
                ? $"tuner option '{foreign}': the {name} tuner takes no options"
                : $"tuner option '{foreign}' is not a {name} option; its options start with '{prefix}'");
        }
    }

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
            "gp" => new GpTuner(space, seed, GpSettings.From(options)),
            "gan" => new ContrastiveGanTuner(space, seed, ContrastiveGanSettings.From(options)),
            _ when name.StartsWith("gan-no-", StringComparison.Ordinal) && ContrastiveGanSettings.Parts.Contains(name["gan-no-".Length..]) =>
                new ContrastiveGanTuner(space, seed, ContrastiveGanSettings.From(options.With("gan.no_" + name["gan-no-".Length..], "true"))),
            "gan-no-diversity" or "gan-no-feedback" => throw new TunerOptionsException(
                $"'{name}' was an ablation of the paper's GAN tuner, now named 'gan-paper{name[3..]}'"),
            "gan-paper" => GanTunerBuilder.Create(space, seed, options),
            "gan-paper-no-injection" => GanTunerBuilder.Create(space, seed, options.With("gan.no_injection", "true")),
            "gan-paper-no-diversity" => GanTunerBuilder.Create(space, seed, options.With("gan.no_diversity", "true")),
            "gan-paper-no-feedback" => GanTunerBuilder.Create(space, seed, options.With("gan.no_feedback", "true")),
            _ => throw new TunerOptionsException($"unknown tuner '{name}'; expected one of {string.Join(", ", Names)}"),
        };
    }
}
