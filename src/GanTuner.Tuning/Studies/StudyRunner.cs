using GanTuner.Storage;

namespace GanTuner.Tuning.Studies;

/// <summary>Runs a study's trials until it holds <c>budget</c> evaluations, with any number of workers
/// (threads here, processes and machines elsewhere) sharing the study through its store.</summary>
public static class StudyRunner
{
    /// <summary>Evaluates trials one at a time until the study has <paramref name="budget"/> evaluated trials
    /// (see <see cref="Optimize(Study, Func{TrialContext, CancellationToken, TrialOutcome}, int, StudyRunnerOptions, Action{TrialRecord}?, CancellationToken)"/>).</summary>
    public static StudyRunResult Optimize(
        Study study,
        Func<ParameterSet, CancellationToken, TrialOutcome> objective,
        int budget,
        Action<TrialRecord>? onTrialFinished = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Optimize(study, (trial, token) => objective(trial.Parameters, token), budget, new StudyRunnerOptions(),
            onTrialFinished, cancellationToken);
    }

    /// <summary>Evaluates trials until the study has <paramref name="budget"/> evaluated trials (complete,
    /// pruned or failed; interrupted ones do not count), so running it again resumes an unfinished study,
    /// and running it in several processes at once shares the work.</summary>
    /// <remarks>
    /// <para>Each of <see cref="StudyRunnerOptions.Workers"/> threads claims one slot of the budget at a time
    /// (<see cref="Study.TryAsk"/>), runs the objective while a timer renews the trial's heartbeat, and records
    /// the outcome. When running trials hold every remaining slot, a worker waits one heartbeat interval and
    /// looks again: those trials either finish, or go stale and are retried (by whichever worker sees it
    /// first). So a study ends with exactly <paramref name="budget"/> evaluated trials however many workers ran it.</para>
    /// <para>A failure the objective reports is recorded and the run goes on; an exception fails the trial,
    /// stops the other workers (their trials are recorded as interrupted) and propagates. Cancellation
    /// records every running trial as interrupted, so a later run evaluates them again. A trial that another
    /// worker failed as stale (this process stalled) is abandoned: its heartbeat tells, and its retry elsewhere counts.</para>
    /// </remarks>
    public static StudyRunResult Optimize(
        Study study,
        Func<TrialContext, CancellationToken, TrialOutcome> objective,
        int budget,
        StudyRunnerOptions options,
        Action<TrialRecord>? onTrialFinished = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        options.Validate();
        var run = new Run(study, objective, budget, options, onTrialFinished, cancellationToken);
        return run.Execute();
    }

    private sealed class Run(
        Study study,
        Func<TrialContext, CancellationToken, TrialOutcome> objective,
        int budget,
        StudyRunnerOptions options,
        Action<TrialRecord>? onTrialFinished,
        CancellationToken cancellationToken)
    {
        private readonly Lock _gate = new();
        private readonly List<TrialRecord> _finished = [];
        private readonly List<TrialRecord> _interrupted = [];
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private Exception? _failure;

        public StudyRunResult Execute()
        {
            _interrupted.AddRange(study.RecoverUnleased());
            try
            {
                var workers = Enumerable.Range(0, options.Workers)
                    .Select(slot => Task.Factory.StartNew(() => Work(slot), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                    .ToArray();
                Task.WaitAll(workers);
            }
            finally
            {
                _stop.Dispose();
            }

            if (_failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new StudyRunResult(_finished, _interrupted, study.Best);
        }

        private void Work(int slot)
        {
            var worker = options.Workers == 1 ? options.Worker : $"{options.Worker}:{slot}";
            var ask = new AskOptions(worker, options.GracePeriod, budget);
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                var trial = study.TryAsk(ask);
                if (trial is not null)
                {
                    RunTrial(trial, token);
                }
                else if (Study.Evaluated(study.Trials) >= budget)
                {
                    return;
                }
                else
                {
                    // Running trials hold the rest of the budget: wait for them to finish or go stale.
                    Wait(options.HeartbeatInterval, token);
                }
            }
        }

        private void RunTrial(TrialHandle trial, CancellationToken stop)
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(stop);
            using var heartbeat = options.TimeSource.CreateTimer(_ => Beat(trial.Number, abandon), null,
                options.HeartbeatInterval, options.HeartbeatInterval);
            var context = new TrialContext(
                trial,
                options.ThreadsPerTrial,
                values => options.Pruner is { } pruner && pruner.ShouldPrune(values, [.. study.Trials.Where(t => t.State != TrialState.Running)]),
                attributes => study.SetRunningAttributes(trial.Number, attributes));
            TrialOutcome outcome;
            try
            {
                outcome = objective(context, abandon.Token);
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                heartbeat.Dispose();
                if (stop.IsCancellationRequested)
                {
                    TryInterrupt(trial.Number);
                }

                return;
            }
            catch (Exception e)
            {
                heartbeat.Dispose();
                lock (_gate)
                {
                    _failure ??= e;
                }

                _stop.Cancel();
                Report(study.Fail(trial.Number, e.Message));
                return;
            }

            // An objective that returned although the run was cancelled did finish its work: it is kept.
            heartbeat.Dispose();
            if (abandon.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return; // failed as stale while this process stalled: its retry counts, not this result
            }

            var attributes = context.IntermediateValues.Count > 0
                ? [new KeyValuePair<string, string>(Pruners.IntermediateValues.AttributeKey, context.FormatValues())]
                : Array.Empty<KeyValuePair<string, string>>();
            try
            {
                Report(study.Finish(trial.Number, outcome, attributes));
            }
            catch (StudyStoreException) when (study.Trials[trial.Number].IsInterrupted)
            {
                // Another worker failed it as stale between our last heartbeat and now; its retry counts.
            }
        }

        private void Beat(int number, CancellationTokenSource abandon)
        {
            try
            {
                if (!study.Heartbeat(number))
                {
                    abandon.Cancel();
                }
            }
            catch (StudyStoreException)
            {
                // The store is unreachable for longer than its retries: the next beat tries again, and the
                // trial's result is written (or the run fails) when it ends.
            }
            catch (ObjectDisposedException)
            {
                // The trial ended while this beat was on its way.
            }
        }

        private void TryInterrupt(int number)
        {
            if (study.Trials[number].State == TrialState.Running)
            {
                var record = study.Interrupt(number);
                lock (_gate)
                {
                    _interrupted.Add(record);
                }
            }
        }

        private void Report(TrialRecord record)
        {
            lock (_gate)
            {
                _finished.Add(record);
                onTrialFinished?.Invoke(record);
            }
        }

        private void Wait(TimeSpan interval, CancellationToken token)
        {
            try
            {
                Task.Delay(interval, options.TimeSource, token).Wait(token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop sees the token.
            }
        }
    }
}
