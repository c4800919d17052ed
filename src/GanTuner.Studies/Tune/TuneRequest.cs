using GanTuner.Data.Protocols;
using GanTuner.Studies.Data;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tune;

/// <summary>What one <c>tune</c> run is asked to do: the prices and how they become windows, which tuner searches
/// how long, where the study and its files go, and how each trial trains.</summary>
/// <param name="Source">The prices.</param>
/// <param name="Training">Protocol, target, window scaling and early stopping of every trial.</param>
/// <param name="Tuner">A name of <see cref="TunerFactory.Names"/>.</param>
/// <param name="Iterations">The study's total budget of evaluated trials.</param>
/// <param name="Storage">Where the study is stored (see <c>StudyStores.Open</c>).</param>
public sealed record TuneRequest(PriceSource Source, Training.TrainingSettings Training, string Tuner, int Iterations, string Storage)
{
    public const int DefaultEpochs = 10;

    /// <summary>A search space JSON file with the six LSTM parameters; null: the paper's Table 1.</summary>
    public string? SpaceFile { get; init; }

    /// <summary>The search space itself (wins over <see cref="SpaceFile"/>); null: the file, else the paper's Table 1.</summary>
    public SearchSpace? Space { get; init; }

    /// <summary>Seed of the tuner and of every trial.</summary>
    public int Seed { get; init; }

    /// <summary>The study's name; null: <see cref="StudyName.For"/>.</summary>
    public string? Study { get; init; }

    /// <summary>The study's folder; null: the stored study's, else <c>./gantuner-out/&lt;study&gt;/</c>.</summary>
    public string? Out { get; init; }

    /// <summary>Worker threads per trial (0: every core).</summary>
    public int Threads { get; init; }

    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary>How the series is split and scaled.</summary>
    public Protocol Protocol => Training.Protocol;

    /// <summary>What the LSTM predicts.</summary>
    public ForecastTarget Target => Training.Target;

    /// <summary>Trials run at once in this process (the threads are divided between them); 0: as many as <see cref="WorkerPlan.Choose"/> says.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>How often a running trial's heartbeat is renewed (a trial silent for 3 beats is stale).</summary>
    public TimeSpan Heartbeat { get; init; } = Tuning.Studies.StudyRunnerOptions.DefaultHeartbeat;

    /// <summary>none, median or asha.</summary>
    public string Pruner { get; init; } = "none";

    /// <summary>The tuner settings the user gave (<c>--option</c>), without the GAN ablation switches.</summary>
    public TunerOptions Options { get; init; } = TunerOptions.Empty;

    /// <summary>GAN ablations: never inject random configurations, drop the feedback term, drop the diversity term.</summary>
    public bool GanNoInjection { get; init; }

    public bool GanNoFeedback { get; init; }

    public bool GanNoDiversity { get; init; }

    /// <summary>The tuner options the study stores: <see cref="Options"/> plus the ablation switches.</summary>
    public TunerOptions TunerOptions => WithAblations(Options, GanNoInjection, GanNoFeedback, GanNoDiversity);

    /// <summary><paramref name="options"/> with the GAN ablation switches that are on.</summary>
    public static TunerOptions WithAblations(TunerOptions options, bool noInjection, bool noFeedback, bool noDiversity)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (flag, key) in new[] { (noInjection, "gan.no_injection"), (noFeedback, "gan.no_feedback"), (noDiversity, "gan.no_diversity") })
        {
            options = flag ? options.With(key, "true") : options;
        }

        return options;
    }

    /// <summary>The window recipe for a sequence length, with the study's seed shuffling paper-shuffled's windows.</summary>
    public DatasetSpec Spec(int sequenceLength) => Training.Spec(Source, sequenceLength, Seed);
}
