using GanTuner.Forecasting;
using GanTuner.Storage;

namespace GanTuner.Studies.Tune;

/// <summary>
/// Keeps the study's files up to date as trials finish: every completed trial's test forecasts go to
/// <c>predictions/trial-NNNN.csv</c>, and the model of each new best trial replaces <c>best-model.json</c>
/// (with <c>best-trial.json</c> saying which trial it is), so the best model is never trained twice.
/// </summary>
/// <remarks>The model is written only after the trial is committed to the store, and <c>best-trial.json</c>
/// only after the model, so a process killed in between leaves at worst an info file that names an older
/// trial; <see cref="Ensure"/> then sees the mismatch and retrains the best configuration with the study's
/// seed (the same seed and thread count give the same model, bit for bit).</remarks>
public sealed class BestModelKeeper(TuneRun run, double? bestSoFar)
{
    private double? _best = bestSoFar;

    public string ModelPath => StudyFiles.BestModelPath(run.OutDirectory);

    /// <summary>Whether <paramref name="trial"/> beats every trial before it (the earliest of equals stays best).</summary>
    public bool IsNewBest(TrialRecord trial) =>
        trial.State == TrialState.Complete && trial.Value is { } value && (_best is not { } best || value < best);

    /// <summary>Saves what a finished trial left: its forecasts, and its model when it is the new best.</summary>
    public void Finished(TrialRecord trial, TrialResult? result)
    {
        if (trial.State != TrialState.Complete || result is null)
        {
            return;
        }

        if (result.TestPredictions is { } predictions)
        {
            PredictionsCsvWriter.Write(StudyFiles.PredictionsPath(run.OutDirectory, trial.Number), predictions);
        }

        if (IsNewBest(trial))
        {
            _best = trial.Value;
            if (result.Model is { } model)
            {
                Save(model, trial, BestTrialInfo.Kept);
            }
        }
    }

    /// <summary>Makes sure <c>best-model.json</c> is the model of <paramref name="best"/>: kept when the info file
    /// says so, else trained again (<paramref name="retraining"/> is told first, as that takes a trial's time).</summary>
    /// <returns>The saved model's info (null when retraining failed) and the retraining's result, if it ran.</returns>
    public (BestTrialInfo? Info, TrialResult? Retrained) Ensure(TrialRecord best, Action<TrialConfig> retraining)
    {
        var info = BestTrialInfo.TryLoad(run.OutDirectory);
        if (info is not null && info.Study == run.StudyName && info.Trial == best.Number && File.Exists(ModelPath))
        {
            return (info, null);
        }

        var config = run.Config(best.Parameters);
        retraining(config);
        var result = TrialRunner.Run(run.Datasets, config, run.TrialOptions);
        if (result.Model is null)
        {
            return (null, result);
        }

        if (result.TestPredictions is { } predictions)
        {
            PredictionsCsvWriter.Write(StudyFiles.PredictionsPath(run.OutDirectory, best.Number), predictions);
        }

        return (Save(result.Model, best, BestTrialInfo.Retrained), result);
    }

    private BestTrialInfo Save(ForecastModel model, TrialRecord trial, string origin)
    {
        Directory.CreateDirectory(run.OutDirectory);
        model.Save(ModelPath);
        var a = run.Attributes;
        var info = new BestTrialInfo(
            run.StudyName,
            trial.Number,
            trial.Value ?? double.NaN,
            run.ObjectiveName,
            trial.Parameters.Where(p => p.Value.Number is not null).ToDictionary(p => p.Key, p => p.Value.Number!.Value, StringComparer.Ordinal),
            run.Epochs,
            run.Seed,
            a[StudyAttributeKeys.Data],
            a[StudyAttributeKeys.DataSource],
            a.GetValueOrDefault(TuneStudyAttributes.Symbol),
            a[StudyAttributeKeys.Column],
            a.GetValueOrDefault(StudyAttributeKeys.DateColumn),
            a.GetValueOrDefault(StudyAttributeKeys.ValueColumn),
            a[StudyAttributeKeys.Protocol],
            a[StudyAttributeKeys.Target],
            origin,
            DateTimeOffset.UtcNow);
        info.Save(run.OutDirectory);
        return info;
    }
}
