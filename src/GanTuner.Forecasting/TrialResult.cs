using GanTuner.Data.Protocols;

namespace GanTuner.Forecasting;

/// <summary>
/// Everything a trial measured. A failed or cancelled trial keeps what it got to (losses so far,
/// time, memory) and has no evaluations.
/// </summary>
public sealed record TrialResult
{
    public const string TrainLossAttribute = "epoch_train_loss";
    public const string ValidationLossAttribute = "epoch_val_loss";

    public required TrialConfig Config { get; init; }

    public required TrialStatus Status { get; init; }

    /// <summary>Why the trial failed or stopped; null when <see cref="Status"/> is Ok.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The split the search optimises: validation under holdout, test under the paper protocols.</summary>
    public SplitKind ObjectiveSplit { get; init; }

    /// <summary>Mean batch loss (MSE, scaled units, dropout on) of each epoch run.</summary>
    public IReadOnlyList<double> EpochTrainLoss { get; init; } = [];

    /// <summary>Loss (MSE, scaled units) on the objective split after each epoch (dropout off).</summary>
    public IReadOnlyList<double> EpochValidationLoss { get; init; } = [];

    /// <summary><see cref="Measure"/> on the objective split after each epoch: what early stopping and the pruner compare.</summary>
    public IReadOnlyList<double> EpochObjective { get; init; } = [];

    /// <summary>What the search minimises; null for a trial refused before it had data.</summary>
    public ObjectiveMeasure? Measure { get; init; }

    /// <summary>Scores on the objective split.</summary>
    public SplitEvaluation? Objective { get; init; }

    /// <summary>The value the search minimises: <see cref="Measure"/> of <see cref="Objective"/>; NaN without them.</summary>
    public double ObjectiveValue => Measure is { } measure && Objective is { } objective ? measure.Of(objective) : double.NaN;

    /// <summary>Scores on the test split (reported always, never steering a holdout search).</summary>
    public SplitEvaluation? Test { get; init; }

    /// <summary>The model's test-split forecasts in prices.</summary>
    public PredictionSeries? TestPredictions { get; init; }

    /// <summary>Seconds spent in training steps only (as the PyTorch anchor's train_s).</summary>
    public double TrainSeconds { get; init; }

    /// <summary>Seconds for the whole trial: set-up, training, per-epoch validation and scoring.</summary>
    public double WallSeconds { get; init; }

    /// <summary>CPU seconds the process used during the trial (all threads).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>CPU use as a percentage of all the machine's cores over <see cref="WallSeconds"/>.</summary>
    public double CpuPercent { get; init; }

    /// <summary>Peak working set of the process during the trial, MB.</summary>
    public double PeakMemoryMb { get; init; }

    /// <summary>Trainable parameters of the network.</summary>
    public int Parameters { get; init; }

    /// <summary>Epochs completed.</summary>
    public int EpochsRun { get; init; }

    /// <summary>The epoch whose weights were scored: the best one under early stopping, else the last.</summary>
    public int KeptEpoch { get; init; }

    /// <summary>Threads the engine used.</summary>
    public int Threads { get; init; }

    /// <summary>Training windows per epoch.</summary>
    public int TrainWindows { get; init; }

    /// <summary>Walk-forward: each fold's figures, earliest first (the last fold's model is the one scored on test and
    /// kept; <see cref="Objective"/> is the folds' mean). Empty for the other protocols.</summary>
    public IReadOnlyList<FoldResult> Folds { get; init; } = [];

    /// <summary>The trained model, when <see cref="TrialOptions.KeepModel"/> asked for it.</summary>
    public ForecastModel? Model { get; init; }

    /// <summary>
    /// Flat metrics with snake_case keys for the study store and the report. For the objective split
    /// (prefix "val") and the test split (prefix "test"): _mse, _rmse, _mae, _mape, _r2 in scaled
    /// units and the same with the suffix _price; naive_&lt;prefix&gt;_… for the persistence forecast;
    /// &lt;prefix&gt;_u2. Always: train_seconds, wall_seconds, cpu_seconds, cpu_percent,
    /// peak_memory_mb, parameters, epochs_run, epoch_kept, threads, train_windows, and final_train_loss /
    /// final_val_loss once an epoch has run. Walk-forward adds fold&lt;k&gt;_val_mse, _val_u2, _epoch_kept,
    /// _epochs_run and _train_windows for each fold k from 1; its val_* are the folds' means. Under the paper protocols the objective split is the
    /// test split, so val_* equals test_*.
    /// </summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["train_seconds"] = TrainSeconds,
            ["wall_seconds"] = WallSeconds,
            ["cpu_seconds"] = CpuSeconds,
            ["cpu_percent"] = CpuPercent,
            ["peak_memory_mb"] = PeakMemoryMb,
            ["parameters"] = Parameters,
            ["epochs_run"] = EpochsRun,
            ["epoch_kept"] = KeptEpoch,
            ["threads"] = Threads,
            ["train_windows"] = TrainWindows,
        };
        if (EpochTrainLoss.Count > 0)
        {
            metrics["final_train_loss"] = EpochTrainLoss[^1];
        }

        if (EpochValidationLoss.Count > 0)
        {
            metrics["final_val_loss"] = EpochValidationLoss[^1];
        }

        foreach (var fold in Folds)
        {
            metrics[FoldFigures.Key(fold.Fold, "epoch_kept")] = fold.KeptEpoch;
            metrics[FoldFigures.Key(fold.Fold, "epochs_run")] = fold.EpochsRun;
            metrics[FoldFigures.Key(fold.Fold, "train_windows")] = fold.TrainWindows;
            if (fold.Validation is { } v)
            {
                metrics[FoldFigures.Key(fold.Fold, "val_mse")] = v.Scaled.Mse;
                metrics[FoldFigures.Key(fold.Fold, "val_u2")] = v.U2;
            }
        }

        AddSplit(metrics, "val", Objective);
        AddSplit(metrics, "test", Test);
        return metrics;
    }

    /// <summary>
    /// Text facts for the study store: <c>epoch_train_loss</c> and <c>epoch_val_loss</c>, each a JSON array with one
    /// loss per epoch run (non-finite as null), which the dashboard draws. The kept epoch is the metric
    /// <c>epoch_kept</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToAttributes() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TrainLossAttribute] = LossArray(EpochTrainLoss),
        [ValidationLossAttribute] = LossArray(EpochValidationLoss),
    };

    private static string LossArray(IReadOnlyList<double> losses) =>
        System.Text.Json.JsonSerializer.Serialize(losses.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray());

    private static void AddSplit(Dictionary<string, double> metrics, string prefix, SplitEvaluation? evaluation)
    {
        if (evaluation is null)
        {
            return;
        }

        AddErrors(metrics, prefix, string.Empty, evaluation.Scaled);
        AddErrors(metrics, prefix, "_price", evaluation.Price);
        AddErrors(metrics, "naive_" + prefix, string.Empty, evaluation.NaiveScaled);
        AddErrors(metrics, "naive_" + prefix, "_price", evaluation.NaivePrice);
        metrics[prefix + "_u2"] = evaluation.U2;
        if (evaluation.Skill is not { } skill)
        {
            return;
        }

        metrics["ar_lags"] = skill.ArLags;
        AddErrors(metrics, prefix + "_ar", "_price", skill.ArPrice);
        metrics[prefix + "_ar_u2"] = skill.ArPrice.Rmse / evaluation.NaivePrice.Rmse;
        metrics[prefix + "_u2_ar"] = evaluation.U2VersusAr;
        metrics[prefix + "_mase"] = skill.Mase;
        metrics["naive_" + prefix + "_mase"] = skill.NaiveMase;
        metrics[prefix + "_ar_mase"] = skill.ArMase;
        metrics[prefix + "_da"] = skill.Direction.HitRate;
        metrics[prefix + "_pt_stat"] = skill.Direction.Statistic;
        metrics[prefix + "_pt_p"] = skill.Direction.PValue;
        if (skill.ArDirection is { } arDirection)
        {
            metrics[prefix + "_ar_da"] = arDirection.HitRate;
            metrics[prefix + "_ar_pt_p"] = arDirection.PValue;
        }

        metrics[prefix + "_dm_naive_stat"] = skill.VersusNaive.Statistic;
        metrics[prefix + "_dm_naive_p"] = skill.VersusNaive.PValue;
        metrics[prefix + "_dm_ar_stat"] = skill.VersusAr.Statistic;
        metrics[prefix + "_dm_ar_p"] = skill.VersusAr.PValue;
    }

    private static void AddErrors(Dictionary<string, double> metrics, string prefix, string suffix, ErrorMetrics errors)
    {
        metrics[$"{prefix}_mse{suffix}"] = errors.Mse;
        metrics[$"{prefix}_rmse{suffix}"] = errors.Rmse;
        metrics[$"{prefix}_mae{suffix}"] = errors.Mae;
        metrics[$"{prefix}_mape{suffix}"] = errors.Mape;
        metrics[$"{prefix}_r2{suffix}"] = errors.R2;
    }
}
