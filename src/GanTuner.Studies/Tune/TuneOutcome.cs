using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Studies.Tune;

/// <summary>What a tune run leaves: the study's trials and best trial, the files it wrote, and how it ended.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Run">What the run's trials shared (study name, folder, objective).</param>
/// <param name="Trials">Every trial of the study, as stored at the end.</param>
/// <param name="Best">The best completed trial, or null.</param>
/// <param name="Evaluated">Evaluated trials (interrupted ones not counted).</param>
public sealed record TuneOutcome(TuneStatus Status, TuneRun Run, IReadOnlyList<TrialRecord> Trials, TrialRecord? Best, int Evaluated)
{
    /// <summary>The trial that was running when the run was interrupted, if one was.</summary>
    public TrialRecord? InterruptedTrial { get; init; }

    /// <summary><c>best-model.json</c>'s info once it is saved (null unless <see cref="TuneStatus.Finished"/>).</summary>
    public BestTrialInfo? Model { get; init; }

    /// <summary>The result of training the best configuration again, when its model had not been kept.</summary>
    public TrialResult? Retrained { get; init; }

    public string ModelPath => StudyFiles.BestModelPath(Run.OutDirectory);
}
