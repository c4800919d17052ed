using System.Diagnostics;
using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Protocols;
using GanTuner.Forecasting.Skill;
using GanTuner.Neural;
using GanTuner.Neural.Lstm;

namespace GanTuner.Forecasting;

/// <summary>
/// Runs one trial: builds a Keras-initialised stacked LSTM from the configuration, trains it with Adam
/// on shuffled batches for the configured epochs, and scores it on the objective and test splits
/// beside the persistence forecast. Never throws: every failure comes back as a failed result.
/// </summary>
public static class TrialRunner
{
    /// <summary>Runs a trial on the dataset of the cache that matches the configuration's sequence length.</summary>
    public static TrialResult Run(ForecastDatasetCache datasets, TrialConfig config, TrialOptions? options = null, IProgress<TrialProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(config);
        ForecastDataset data;
        try
        {
            data = datasets.Get(config.SequenceLength);
        }
        catch (Exception ex) when (ex is PriceDataException or ArgumentException)
        {
            return Failed(config, ex.Message);
        }

        return Run(data, config, options, progress, cancellationToken);
    }

    /// <summary>Runs a trial on <paramref name="data"/>, whose sequence length must be the configuration's.</summary>
    public static TrialResult Run(ForecastDataset data, TrialConfig config, TrialOptions? options = null, IProgress<TrialProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new TrialOptions();
        var problem = config.Problem()
            ?? options.EarlyStopping?.Problem()
            ?? (data.SequenceLength != config.SequenceLength
                ? string.Create(CultureInfo.InvariantCulture, $"the dataset has windows of {data.SequenceLength} days, the configuration asks for {config.SequenceLength}")
                : null);
        if (problem is not null)
        {
            return Failed(config, problem);
        }

        using var meter = new ResourceMeter();
        var result = data.Folds.Count == 0
            ? RunOne(data, config, options, progress, cancellationToken)
            : RunFolds(data, config, options, progress, cancellationToken);
        var (wall, cpu, cpuPercent, peakMb) = meter.Stop();
        return result with { WallSeconds = wall, CpuSeconds = cpu, CpuPercent = cpuPercent, PeakMemoryMb = peakMb };
    }

    /// <summary>
    /// Walk-forward: trains the configuration afresh on each fold (early stopping on the fold's own validation
    /// block), and takes the folds' mean validation scores as the objective. The last fold's model is the one
    /// scored on test and kept: it is trained on the latest rows a fold may use, its epoch was chosen by early
    /// stopping on its own validation block as under holdout (which keeps its validation part out of the model
    /// too), and it costs no further training. Retraining on the whole development part would need an epoch
    /// count with nothing left to check it on.
    /// </summary>
    private static TrialResult RunFolds(ForecastDataset data, TrialConfig config, TrialOptions options, IProgress<TrialProgress>? progress, CancellationToken cancellationToken)
    {
        var folds = new List<FoldResult>();
        var results = new List<TrialResult>();
        for (var k = 0; k < data.Folds.Count; k++)
        {
            var fold = data.Folds[k];
            var last = k == data.Folds.Count - 1;
            var result = RunOne(fold, config, last ? options : options with { KeepModel = false }, progress, cancellationToken);
            var validation = fold.Validation;
            folds.Add(new FoldResult(k + 1, fold.Train.Count, validation.TargetDates[0], validation.TargetDates[^1], result.Objective, result.EpochsRun, result.KeptEpoch));
            results.Add(result);
            if (result.Status != TrialStatus.Ok)
            {
                return result with
                {
                    Folds = folds,
                    FailureReason = string.Create(CultureInfo.InvariantCulture, $"fold {k + 1} of {data.Folds.Count}: {result.FailureReason}"),
                    TrainSeconds = results.Sum(r => r.TrainSeconds),
                };
            }
        }

        return results[^1] with
        {
            Folds = folds,
            Objective = SplitEvaluation.Mean([.. results.Select(r => r.Objective!)]),
            TrainSeconds = results.Sum(r => r.TrainSeconds),
        };
    }

    private static TrialResult RunOne(ForecastDataset data, TrialConfig config, TrialOptions options, IProgress<TrialProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new TrialRun(data, config, options, progress, cancellationToken);
        try
        {
            run.Execute();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Stop(TrialStatus.Cancelled, "cancelled");
        }
#pragma warning disable CA1031 // The trial's contract: a failure of any kind is a failed result, never an exception.
        catch (Exception ex)
        {
            run.Stop(TrialStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
#pragma warning restore CA1031

        return run.Result();
    }

    private static TrialResult Failed(TrialConfig config, string reason) =>
        new() { Config = config, Status = TrialStatus.Failed, FailureReason = reason };

    /// <summary>The state of one trial while it runs.</summary>
    private sealed class TrialRun(ForecastDataset data, TrialConfig config, TrialOptions options, IProgress<TrialProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly List<double> _trainLoss = [];
        private readonly List<double> _validationLoss = [];
        private readonly List<double> _objectiveByEpoch = [];
        private readonly ObjectiveMeasure _measure = ObjectiveMeasure.For(data);
        private TrialStatus _status = TrialStatus.Ok;
        private string? _reason;
        private double _trainSeconds;
        private int _parameters;
        private int _threads;
        private int _keptEpoch;
        private SplitEvaluation? _objective;
        private SplitEvaluation? _test;
        private PredictionSeries? _testPredictions;
        private ForecastModel? _model;

        public void Execute()
        {
            var root = new SeededRandom(config.Seed);
            var spec = new LstmSpec(config.Layers, config.Units, config.Dropout, data.Features);
            var network = new LstmNetwork<float>(spec);
            network.InitializeKeras(root.Derive("init"));
            _parameters = network.ParameterCount;
            var train = data.Train;
            var trainerOptions = new LstmTrainerOptions(
                config.SequenceLength,
                Math.Min(config.BatchSize, Math.Max(1, Math.Max(train.Count, data.Test.Count))),
                new AdamOptions(config.LearningRate),
                config.EffectiveThreads,
                root.Derive("dropout").Seed,
                options.MemoryBudgetBytes);
            using var trainer = new LstmTrainer<float>(network, trainerOptions);
            _threads = trainer.Threads;

            var order = new int[train.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var shuffle = root.Derive("shuffle");
            var objective = data.Objective;
            var objectivePredictions = new float[objective.Count];
            var batches = (train.Count + config.BatchSize - 1) / config.BatchSize;
            var stopping = options.EarlyStopping;
            var epochs = stopping?.EpochBudget(config.Epochs, batches) ?? config.Epochs;
            var best = (Epoch: 0, Loss: double.PositiveInfinity);
            float[]? bestWeights = null;
            var clock = new Stopwatch();
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                shuffle.Shuffle<int>(order);
                var sum = 0.0;
                clock.Restart();
                for (var b = 0; b < batches; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var start = b * config.BatchSize;
                    var loss = trainer.TrainBatch(train.Inputs, train.Targets, order.AsMemory(start, Math.Min(config.BatchSize, order.Length - start)));
                    if (!double.IsFinite(loss))
                    {
                        _trainSeconds += clock.Elapsed.TotalSeconds;
                        Stop(TrialStatus.Failed, string.Create(CultureInfo.InvariantCulture, $"training loss became {loss} at epoch {epoch}, batch {b + 1}"));
                        return;
                    }

                    sum += loss;
                    progress?.Report(new TrialProgress(epoch, epochs, b + 1, batches, sum / (b + 1), false, double.NaN, double.NaN));
                }

                _trainSeconds += clock.Elapsed.TotalSeconds;
                _trainLoss.Add(sum / batches);
                trainer.Predict(objective.Inputs, objectivePredictions);
                var validation = MeanSquaredError(objectivePredictions, objective.Targets);
                // The same number when the measure is the scaled MSE; U2 on prices under window scaling.
                var score = _measure.OnPrices ? _measure.Of(data, objective, objectivePredictions) : validation;
                _validationLoss.Add(validation);
                _objectiveByEpoch.Add(score);
                progress?.Report(new TrialProgress(epoch, epochs, batches, batches, sum / batches, true, validation, score));
                if (!double.IsFinite(validation) || !double.IsFinite(score))
                {
                    var what = double.IsFinite(validation) ? $"{_measure.Name} became {score}" : $"{data.ObjectiveSplit} loss became {validation}";
                    Stop(TrialStatus.Failed, string.Create(CultureInfo.InvariantCulture, $"{what} after epoch {epoch}"));
                    return;
                }

                // Early stopping keeps the epoch that is best by what the study minimises.
                if (score < best.Loss)
                {
                    best = (epoch, score);
                    if (stopping is not null)
                    {
                        bestWeights ??= new float[network.Parameters.Length];
                        network.Parameters.CopyTo(bestWeights, 0);
                    }
                }

                if (stopping is not null && stopping.ShouldStop(epoch, best.Epoch, trainer.StepCount, config.Epochs))
                {
                    break;
                }
            }

            _keptEpoch = _validationLoss.Count;
            if (bestWeights is not null && best.Epoch < _validationLoss.Count)
            {
                bestWeights.CopyTo(network.Parameters, 0);
                _keptEpoch = best.Epoch;
            }

            var baseline = FitBaseline(data);
            // An earlier walk-forward fold has no test windows: the test part is scored once, by the last fold.
            if (data.Test.Count > 0)
            {
                _test = Evaluate(trainer, data.Test, baseline, out var testPrices);
                _testPredictions = new PredictionSeries(data.Test.TargetDates, data.Test.ActualClose, testPrices, data.Test.PreviousClose);
            }

            _objective = data.ObjectiveSplit == SplitKind.Test ? _test : Evaluate(trainer, objective, baseline, out _);
            if (options.KeepModel)
            {
                _model = new ForecastModel(network, data.Spec, data.WindowScaling, data.FeatureScaling);
            }
        }

        public void Stop(TrialStatus status, string reason)
        {
            _status = status;
            _reason = reason;
            _objective = null;
            _test = null;
            _testPredictions = null;
            _model = null;
        }

        public TrialResult Result() => new()
        {
            Config = config,
            Status = _status,
            FailureReason = _reason,
            ObjectiveSplit = data.ObjectiveSplit,
            Measure = _measure,
            EpochTrainLoss = _trainLoss,
            EpochValidationLoss = _validationLoss,
            EpochObjective = _objectiveByEpoch,
            Objective = _objective,
            Test = _test,
            TestPredictions = _testPredictions,
            TrainSeconds = _trainSeconds,
            Parameters = _parameters,
            EpochsRun = _trainLoss.Count,
            KeptEpoch = _keptEpoch,
            Threads = _threads,
            TrainWindows = data.Train.Count,
            Model = _model,
        };

        private static double MeanSquaredError(float[] predicted, float[] actual)
        {
            var sum = 0.0;
            for (var i = 0; i < actual.Length; i++)
            {
                var e = (double)predicted[i] - actual[i];
                sum += e * e;
            }

            return sum / actual.Length;
        }

        private static AutoregressiveBaseline? FitBaseline(ForecastDataset data)
        {
            try
            {
                return AutoregressiveBaseline.Fit(data);
            }
            catch (InvalidOperationException)
            {
                // Too few training rows for a regression: the trial is still scored against persistence.
                return null;
            }
        }

        private SplitEvaluation Evaluate(LstmTrainer<float> trainer, WindowSplit split, AutoregressiveBaseline? baseline, out double[] prices)
        {
            var scaled = new float[split.Count];
            trainer.Predict(split.Inputs, scaled);
            prices = new double[split.Count];
            var predictedScaled = new double[split.Count];
            var actualScaled = new double[split.Count];
            var naiveScaled = new double[split.Count];
            for (var i = 0; i < split.Count; i++)
            {
                predictedScaled[i] = scaled[i];
                actualScaled[i] = split.Targets[i];
                naiveScaled[i] = split.NaiveTargets[i];
                prices[i] = data.ToPrice(split, i, scaled[i]);
            }

            var scale = ForecastSkill.MaseScale(data.Train);
            return new SplitEvaluation(
                split.Kind,
                split.Count,
                ErrorMetrics.Compute(predictedScaled, actualScaled),
                ErrorMetrics.Compute(prices, split.ActualClose),
                ErrorMetrics.Compute(naiveScaled, actualScaled),
                ErrorMetrics.Compute(split.PreviousClose, split.ActualClose))
            {
                Skill = baseline is null ? null : ForecastSkill.Compute(split, prices, baseline.Lags, baseline.PredictPrices(split), scale),
            };
        }
    }
}
