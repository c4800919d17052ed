using GanTuner.Storage;

namespace GanTuner.Tuning.Studies;

/// <summary>Runs a study's trials one after another until it holds <c>budget</c> evaluations.</summary>
public static class StudyRunner
{
    /// <summary>Evaluates trials until the study has <paramref name="budget"/> evaluated trials (complete
    /// or failed; interrupted ones do not count), so running it again resumes an unfinished study.</summary>
    /// <remarks>
    /// The runner owns the study while it runs: trials it finds Running belong to a process that died, so
    /// they are marked interrupted and re-evaluated first. A failure the objective reports is recorded and
    /// the run goes on; an exception fails the trial and propagates (as Optuna does by default);
    /// cancellation marks the running trial interrupted, so the next run evaluates it again.
    /// </remarks>
    public static StudyRunResult Optimize(
        Study study,
        Func<ParameterSet, CancellationToken, TrialOutcome> objective,
        int budget,
        Action<TrialRecord>? onTrialFinished = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var interrupted = study.RecoverInterrupted();
        var evaluated = study.Trials.Count(t => t.State != TrialState.Running && !t.IsInterrupted);
        var finished = new List<TrialRecord>();
        for (; evaluated < budget; evaluated++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trial = study.Ask();
            TrialOutcome outcome;
            try
            {
                outcome = objective(trial.Parameters, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                study.Interrupt(trial.Number);
                throw;
            }
            catch (Exception e)
            {
                var failed = study.Fail(trial.Number, e.Message);
                onTrialFinished?.Invoke(failed);
                throw;
            }

            var record = outcome.Succeeded
                ? study.Tell(trial.Number, outcome.Value!.Value, outcome.Metrics)
                : study.Fail(trial.Number, outcome.FailureReason!, outcome.Metrics);
            finished.Add(record);
            onTrialFinished?.Invoke(record);
        }

        return new StudyRunResult(finished, interrupted, study.Best);
    }
}
