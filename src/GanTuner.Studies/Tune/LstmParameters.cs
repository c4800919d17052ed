using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tune;

/// <summary>The six hyperparameters of the paper's Table 1 as a search space names them, and the map from a
/// configuration to the trial that trains it.</summary>
public static class LstmParameters
{
    public const string Layers = "layers";
    public const string Units = "units";
    public const string LearningRate = "learning_rate";
    public const string BatchSize = "batch_size";
    public const string SequenceLength = "sequence_length";
    public const string Dropout = "dropout";

    /// <summary>In the order of the paper's Appendix B.</summary>
    public static IReadOnlyList<string> Names { get; } = [Layers, Units, LearningRate, BatchSize, SequenceLength, Dropout];

    /// <exception cref="SearchSpaceException">The space lacks one of the six, has another, or makes one categorical.</exception>
    public static void RequireLstmSpace(SearchSpace space)
    {
        var names = space.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Names.Where(n => !names.Contains(n)).ToList();
        var extra = names.Where(n => !Names.Contains(n)).ToList();
        var categorical = space.Parameters.FirstOrDefault(p => p.Kind == "categorical");
        if (missing.Count > 0 || extra.Count > 0 || categorical is not null)
        {
            var problem = missing.Count > 0 ? $"it lacks {string.Join(", ", missing)}"
                : extra.Count > 0 ? $"the LSTM has no parameter {string.Join(", ", extra)}"
                : $"'{categorical!.Name}' must be numeric, not categorical";
            throw new SearchSpaceException(
                $"tune needs a search space of exactly {string.Join(", ", Names)} (fix one by giving low = high): {problem}");
        }
    }

    public static TrialConfig Config(ParameterSet parameters, int epochs, long seed, int threads) =>
        Config(parameters.GetDouble, epochs, seed, threads);

    public static TrialConfig Config(IReadOnlyDictionary<string, ParamValue> stored, int epochs, long seed, int threads) =>
        Config(name => stored[name].Number ?? throw new InvalidOperationException($"The stored '{name}' is not a number."), epochs, seed, threads);

    private static TrialConfig Config(Func<string, double> value, int epochs, long seed, int threads) => new(
        checked((int)Math.Round(value(Layers))),
        checked((int)Math.Round(value(Units))),
        value(LearningRate),
        checked((int)Math.Round(value(BatchSize))),
        checked((int)Math.Round(value(SequenceLength))),
        value(Dropout),
        epochs,
        seed,
        threads);
}
