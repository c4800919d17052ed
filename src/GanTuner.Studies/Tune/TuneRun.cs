using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tune;

/// <summary>What every part of one <c>tune</c> run shares: the study, where its files go, the data attributes
/// of this run, the windows of each sequence length, and how every trial trains.</summary>
/// <param name="StudyName">The study's name.</param>
/// <param name="OutDirectory">Absolute folder of the study's files.</param>
/// <param name="Attributes">The study attributes this run computed (data location, protocol, target…).</param>
/// <param name="Datasets">Windows per sequence length, built on first use.</param>
/// <param name="Measure">What every trial is scored by (<c>val_u2</c> under window scaling, <c>val_mse</c> under global
/// scaling; <c>test_…</c> under the paper protocols).</param>
/// <param name="Epochs">Epochs of every trial.</param>
/// <param name="Seed">The study's seed, which every trial trains from: a configuration always gets the same
/// initial weights, batch order and dropout masks, so trials differ only by their hyperparameters and a retried
/// or retrained configuration reproduces its result.</param>
/// <param name="Threads">Worker threads per trial (0: every core).</param>
/// <param name="EarlyStopping">Early stopping of every trial, or null for exactly <paramref name="Epochs"/>.</param>
public sealed record TuneRun(
    string StudyName,
    string OutDirectory,
    IReadOnlyDictionary<string, string> Attributes,
    ForecastDatasetCache Datasets,
    ObjectiveMeasure Measure,
    int Epochs,
    long Seed,
    int Threads,
    EarlyStopping? EarlyStopping = null)
{
    /// <summary>The objective's metric key, as <see cref="Measure"/> names it.</summary>
    public string ObjectiveName => Measure.Name;

    /// <summary>How every trial of the run trains: keeping its model, with the run's early stopping.</summary>
    public TrialOptions TrialOptions => new(KeepModel: true, EarlyStopping: EarlyStopping);

    public TrialConfig Config(ParameterSet parameters) => LstmParameters.Config(parameters, Epochs, Seed, Threads);

    public TrialConfig Config(IReadOnlyDictionary<string, ParamValue> parameters) => LstmParameters.Config(parameters, Epochs, Seed, Threads);
}
