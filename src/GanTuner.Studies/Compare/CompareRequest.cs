using GanTuner.Data.Protocols;
using GanTuner.Studies.Data;
using GanTuner.Tuning;

namespace GanTuner.Studies.Compare;

/// <summary>What a comparison is asked to do: every tuner on one objective with the same budget over several seeds.</summary>
/// <param name="Objective"><see cref="Lstm"/> or the name of a synthetic function (hartmann6, branin).</param>
/// <param name="Tuners">The tuners compared.</param>
/// <param name="Budget">Evaluations per (tuner, seed) run.</param>
/// <param name="Seeds">Runs per tuner, seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …</param>
public sealed record CompareRequest(string Objective, IReadOnlyList<string> Tuners, int Budget, int Seeds)
{
    public const string Lstm = "lstm";
    public const int DefaultEpochs = 10;

    public bool IsLstm => Objective == Lstm;

    /// <summary>The first run's seed.</summary>
    public int Seed { get; init; }

    /// <summary>Where every run is kept as a study (see <c>StudyStores.Open</c>); null: in memory.</summary>
    public string? Storage { get; init; }

    /// <summary>The summary's folder; null: <c>./gantuner-out/compare-&lt;tag&gt;/</c>.</summary>
    public string? Out { get; init; }

    public TunerOptions Options { get; init; } = TunerOptions.Empty;

    /// <summary>Studies run at once.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>LSTM: worker threads of each trial.</summary>
    public int ThreadsPerTrial { get; init; } = 1;

    /// <summary>LSTM: the pruner every run's trials report their per-epoch losses to (none, median, asha; see
    /// <c>PrunerFactory</c>). Part of the studies' names, so runs with and without pruning never mix.</summary>
    public string Pruner { get; init; } = "none";

    /// <summary>LSTM: epochs of every trial.</summary>
    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary>LSTM: a search space JSON file; null: the paper's Table 1.</summary>
    public string? SpaceFile { get; init; }

    /// <summary>LSTM: the prices.</summary>
    public PriceSource Source { get; init; } = PriceSource.Embedded;

    /// <summary>LSTM: protocol, target, window scaling and early stopping of every trial (default: the paper's training under holdout).</summary>
    public Training.TrainingSettings Training { get; init; } = Studies.Training.TrainingSettings.Fixed(Protocol.Holdout, ForecastTarget.Level);

    public Protocol Protocol => Training.Protocol;

    public ForecastTarget Target => Training.Target;
}
