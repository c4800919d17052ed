using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tune;

/// <summary>
/// The study's objective: train the configuration for the run's epochs from the study's seed and return its
/// objective-split MSE with every metric of <see cref="TrialResult.ToMetrics"/>. A diverged trial is a failure
/// the study records and goes past; a cancelled one throws, so the study records it as interrupted.
/// </summary>
public sealed class TuneObjective(Study study, TuneRun run, ITrialObserver display)
{
    /// <summary>The trial being evaluated, while one is.</summary>
    public TrialRecord? Running { get; private set; }

    /// <summary>The result of the last trial that ran to an end (its model included), and that trial's number.</summary>
    public (int Trial, TrialResult Result)? Last { get; private set; }

    public TrialOutcome Evaluate(ParameterSet parameters, CancellationToken cancellationToken)
    {
        // The runner owns the study while it runs, so the one Running trial is the one just asked for.
        Running = study.Trials.Last(t => t.State == TrialState.Running);
        Last = null;
        var config = run.Config(parameters);
        display.TrialStarted(Running, config);
        var result = TrialRunner.Run(run.Datasets, config, run.TrialOptions, display, cancellationToken);
        if (result.Status == TrialStatus.Cancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        Last = (Running.Number, result);
        Running = null;
        var metrics = result.ToMetrics();
        return result.Status == TrialStatus.Ok
            ? TrialOutcome.Success(result.Objective!.Scaled.Mse, metrics)
            : TrialOutcome.Failure(result.FailureReason ?? "the trial failed", metrics);
    }
}
