using System.Collections.Concurrent;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tune;

/// <summary>
/// The study's objective: train the configuration for the run's epochs from the study's seed and return its
/// objective-split MSE with every metric of <see cref="TrialResult.ToMetrics"/> and the per-epoch losses of
/// <see cref="TrialResult.ToAttributes"/>. A diverged trial is a failure
/// the study records and goes past; a cancelled one throws, so the study records it as interrupted. Each
/// epoch's loss on the objective split goes to the pruner; when it says stop, the training is cancelled and
/// the trial is reported as pruned with its last loss. Thread-safe: several workers evaluate at once.
/// </summary>
public sealed class TuneObjective(Study study, TuneRun run, ITrialObserver display, int workers = 1)
{
    private readonly ConcurrentDictionary<int, TrialRecord> _running = new();
    private readonly ConcurrentDictionary<int, TrialResult> _results = new();

    /// <summary>A trial being evaluated by this process, while one is (after a cancellation: one it was evaluating).</summary>
    public TrialRecord? Running => _running.Values.OrderBy(t => t.Number).FirstOrDefault();

    /// <summary>The result of trial <paramref name="number"/> if it ran to an end here (its model included); handed out once.</summary>
    public TrialResult? TakeResult(int number) => _results.TryRemove(number, out var result) ? result : null;

    /// <summary>Evaluates the one Running trial of a study that this process owns alone (a comparison's).</summary>
    public TrialOutcome Evaluate(ParameterSet parameters, CancellationToken cancellationToken)
    {
        var number = study.Trials.Last(t => t.State == TrialState.Running).Number;
        return Evaluate(number, parameters, null, cancellationToken);
    }

    /// <summary>Evaluates a trial the runner handed to one of its workers (with pruning, if the runner has a pruner).</summary>
    public TrialOutcome Evaluate(TrialContext trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return Evaluate(trial.Number, trial.Parameters, trial, cancellationToken);
    }

    private TrialOutcome Evaluate(int number, ParameterSet parameters, TrialContext? trial, CancellationToken cancellationToken)
    {
        var record = study.Trials[number];
        _running[number] = record;
        // One worker keeps --threads as given (0: every core), so its results match a run from before workers.
        var config = workers == 1 || trial is null ? run.Config(parameters) : run.Config(parameters) with { Threads = trial.Threads };
        display.TrialStarted(record, config);
        using var prune = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IProgress<TrialProgress> progress = trial is null ? display : new PruningProgress(display, trial, prune);
        var result = TrialRunner.Run(run.Datasets, config, run.TrialOptions, progress, prune.Token);
        // A trial cancelled by the user stays in Running, so the interruption message can name it.
        cancellationToken.ThrowIfCancellationRequested();
        _running.TryRemove(number, out _);
        var metrics = result.ToMetrics();
        var attributes = result.ToAttributes();
        if (result.Status == TrialStatus.Cancelled)
        {
            return TrialOutcome.Pruned(trial!.IntermediateValues[^1], trial.IntermediateValues.Count, metrics) with { Attributes = attributes };
        }

        if (trial is not null)
        {
            _results[number] = result; // for the runner's callback, which keeps the best model
        }

        var outcome = result.Status == TrialStatus.Ok
            ? TrialOutcome.Success(result.ObjectiveValue, metrics)
            : TrialOutcome.Failure(result.FailureReason ?? "the trial failed", metrics);
        return outcome with { Attributes = attributes };
    }

    /// <summary>Shows progress, and at each epoch's end asks the pruner (cancelling the training when it says stop).</summary>
    private sealed class PruningProgress(ITrialObserver display, TrialContext trial, CancellationTokenSource prune) : IProgress<TrialProgress>
    {
        // Progress goes to the store for watchers (the dashboard): the first epoch at once, then at most once a
        // second, so a study of tiny trials does not turn into a stream of writes. It never changes a result.
        private static readonly TimeSpan StoreEvery = TimeSpan.FromSeconds(1);
        private readonly System.Diagnostics.Stopwatch _sinceStored = new();

        public void Report(TrialProgress value)
        {
            display.Report(value);
            if (!value.EpochFinished)
            {
                return;
            }

            if (!_sinceStored.IsRunning || _sinceStored.Elapsed >= StoreEvery)
            {
                trial.ReportProgress(new Dictionary<string, string>
                {
                    ["epoch"] = value.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["epochs"] = value.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                _sinceStored.Restart();
            }

            if (!prune.IsCancellationRequested && trial.ShouldPrune(value.Objective))
            {
                prune.Cancel();
            }
        }
    }
}
