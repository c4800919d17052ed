using System.Globalization;
using GanTuner.Studies.Tune;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Compare;

/// <summary>
/// The LSTM as a comparison's objective: every trial trains the configuration exactly as <c>tune</c> does (the same
/// <see cref="TuneObjective"/>, data loading and study attributes), from the run's seed, so the runs of one seed
/// differ only by the configurations their tuners chose. The value is the protocol's tuning objective (validation
/// MSE under holdout); the test metrics are recorded beside it and never steer a search.
/// </summary>
public sealed class LstmCompareObjective : ICompareObjective
{
    public const string ThreadsPerTrialAttribute = "threads_per_trial";

    private readonly CompareRequest _settings;
    private readonly TuneData _data;
    private readonly ForecastDatasetCache _datasets;
    private readonly string _outDirectory;
    private readonly TrialMemo _memo = new();

    private LstmCompareObjective(CompareRequest settings, string tag, SearchSpace space, TuneData data, IReadOnlyDictionary<string, string> attributes, string outDirectory)
    {
        _settings = settings;
        _data = data;
        _outDirectory = outDirectory;
        Space = space;
        StudyAttributes = attributes;
        Tag = tag;
        Measure = settings.Training.Objective;
        _datasets = new ForecastDatasetCache(data.Series, settings.Training.Spec(settings.Source, 1, settings.Seed));
    }

    public string Tag { get; }

    public string ValueName => Measure.Name;

    private ObjectiveMeasure Measure { get; }

    public string Label => $"the LSTM on {DataName} ({_settings.Protocol.Name()})";

    public IReadOnlyList<KeyValuePair<string, string>> Facts
    {
        get
        {
            var series = _data.Series;
            return
            [
                new("Data", string.Create(CultureInfo.InvariantCulture,
                    $"{_data.Label}: {series.Count:N0} rows, {series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}, {StudyAttributes![StudyAttributeKeys.Column]}")),
                new("Protocol", _settings.Protocol.Describe()),
                new("Target", _settings.Target.Name()),
                new("Inputs", _settings.Training.Features.Name()),
                new("Objective", ValueName + " (minimised); test metrics recorded beside it"),
                new("Pruner", _settings.Pruner),
                new("Trials", string.Create(CultureInfo.InvariantCulture,
                    $"{_settings.Epochs} epochs each, trained from the run's seed, {_settings.ThreadsPerTrial} thread(s), {_settings.Parallel} studies at once")),
                new("Search space", _settings.SpaceFile ?? "the paper's Table 1"),
            ];
        }
    }

    public SearchSpace Space { get; }

    public IReadOnlyDictionary<string, string>? StudyAttributes { get; }

    /// <summary>The best model's test figures beside the naive and AR(p) baselines' on the same windows.</summary>
    public IReadOnlyList<string> MetricKeys { get; } =
    [
        "test_mse", "naive_test_mse", "test_u2", "test_ar_u2", "test_u2_ar",
        "test_mase", "naive_test_mase", "test_ar_mase", "test_da", "test_ar_da", "test_pt_p", "test_dm_naive_p", "test_dm_ar_p", "ar_lags",
    ];

    /// <summary>Reads the search space and the data (a Yahoo symbol is copied into <paramref name="outDirectory"/>
    /// on first use, so a resumed comparison evaluates the same rows).</summary>
    public static async Task<LstmCompareObjective> CreateAsync(CompareRequest settings, string tag, string outDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var space = settings.SpaceFile is null ? SearchSpace.Table1() : SearchSpace.Load(settings.SpaceFile);
        LstmParameters.RequireLstmSpace(space);
        // The data options mean here what they mean to tune, so the data is read and described by tune's own code.
        var asTune = new TuneRequest(settings.Source, settings.Training, "random", settings.Budget, "")
        {
            Seed = settings.Seed,
            Epochs = settings.Epochs,
        };
        var data = await TuneData.LoadAsync(settings.Source, outDirectory, cancellationToken).ConfigureAwait(false);
        // Inputs the data cannot give (volume of a file without it) are bad data, refused before any study is stored.
        _ = FeatureColumns.Compute(data.Series, settings.Source.Csv.ModelledColumn, settings.Training.Features);
        var attributes = TuneStudyAttributes.For(asTune, data, outDirectory);
        attributes[ThreadsPerTrialAttribute] = settings.ThreadsPerTrial.ToString(CultureInfo.InvariantCulture);
        // The runs share no study folder: without one, `gantuner report` on a run writes to that study's own default folder.
        attributes.Remove(StudyAttributeKeys.OutDirectory);
        return new LstmCompareObjective(settings, tag, space, data, attributes, outDirectory);
    }

    public IReadOnlyList<string> Describe(ComparisonPlan plan)
    {
        var series = _data.Series;
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"compare on the LSTM ({ValueName}): {plan.Tuners.Count} tuners × {plan.Seeds} seeds × {plan.Budget} trials of {_settings.Epochs} epoch(s)"),
            string.Create(CultureInfo.InvariantCulture,
                $"  data: {_data.Label}: {series.Count:N0} rows, {series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}, {StudyAttributes![StudyAttributeKeys.Column]}, target {_settings.Target.Name()}"),
            $"  protocol: {_settings.Protocol.Describe()}; inputs: {_settings.Training.Features.Name()}; pruner: {_settings.Pruner}",
            string.Create(CultureInfo.InvariantCulture,
                $"  {_settings.Parallel} studies at once, {_settings.ThreadsPerTrial} thread(s) per trial; files in {_outDirectory}"),
        ];
    }

    public string Caption(ComparisonPlan plan) => string.Create(CultureInfo.InvariantCulture,
        $"best {ValueName} of the LSTM on {DataName} ({_settings.Protocol.Name()}), {plan.Seeds} seed(s) from {plan.FirstSeed}: median, [quartiles]");

    // The data as people call it: the symbol, the file's name, or the embedded set's source.
    private string DataName => _settings.Source.Symbol ?? (_settings.Source.DataFile is { } file ? Path.GetFileName(file) : _data.Label);

    public Func<TrialContext, CancellationToken, TrialOutcome> ObjectiveFor(ComparisonRun run, Study study, ICompareObserver observer)
    {
        var tuneRun = new TuneRun(
            run.StudyName, _outDirectory, StudyAttributes!, _datasets, Measure, _settings.Epochs, run.Seed, _settings.ThreadsPerTrial, _settings.Training.EarlyStopping);
        var objective = new TuneObjective(study, tuneRun, new CompareTrialObserver(observer, run));
        return (trial, cancellationToken) =>
        {
            // Without a pruner a trial is a pure function of its configuration; with one it also depends on
            // the study's finished trials, which the pruner judges it against.
            var history = _settings.Pruner == PrunerNone ? "" : TrialMemo.History(study.Trials);
            return _memo.Evaluate(tuneRun.Config(trial.Parameters), history, trial, () =>
            {
                var outcome = objective.Evaluate(trial, cancellationToken);
                _ = objective.TakeResult(trial.Number); // a comparison keeps no model
                return outcome;
            });
        };
    }

    private const string PrunerNone = "none";
}
