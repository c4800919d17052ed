namespace GanTuner.Tuning.Tuners.Genetic;

/// <summary>Genetic algorithm settings, in the range the GA-LSTM papers use.</summary>
/// <remarks>
/// Keys: <c>ga.population</c> (10) individuals per generation; <c>ga.elites</c> (1) best individuals
/// carried into the next generation unevaluated again; <c>ga.tournament</c> (3) contestants per parent
/// selection; <c>ga.crossover</c> (blend) "blend" (BLX-α on ordered genes) or "uniform" (each gene from
/// either parent); <c>ga.crossover_rate</c> (0.9); <c>ga.blend_alpha</c> (0.5); <c>ga.mutation_rate</c>
/// (1/d when absent) chance per gene of a Gaussian step of <c>ga.mutation_scale</c> (0.1, in cube units;
/// a categorical gene is redrawn instead).
/// </remarks>
public sealed record GeneticSettings(
    int Population,
    int Elites,
    int Tournament,
    string Crossover,
    double CrossoverRate,
    double BlendAlpha,
    double? MutationRate,
    double MutationScale)
{
    public const string Blend = "blend";
    public const string Uniform = "uniform";

    public static GeneticSettings From(TunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequireKnown("ga", "ga.population", "ga.elites", "ga.tournament", "ga.crossover", "ga.crossover_rate",
            "ga.blend_alpha", "ga.mutation_rate", "ga.mutation_scale");
        var population = options.GetInt32("ga.population", 10, min: 2, max: 100_000);
        return new GeneticSettings(
            population,
            options.GetInt32("ga.elites", 1, min: 0, max: population - 1),
            options.GetInt32("ga.tournament", 3, min: 1, max: population),
            options.GetChoice("ga.crossover", Blend, Blend, Uniform),
            options.GetDouble("ga.crossover_rate", 0.9, min: 0, max: 1),
            options.GetDouble("ga.blend_alpha", 0.5, min: 0, max: 10),
            options.Get("ga.mutation_rate") is null ? null : options.GetDouble("ga.mutation_rate", 0, min: 0, max: 1),
            options.GetDouble("ga.mutation_scale", 0.1, min: 0, max: 1));
    }
}
