using System.Collections.Concurrent;
using GanTuner.Forecasting;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Compare;

/// <summary>
/// The outcomes of the LSTM trials this process has evaluated, by configuration. A trial is a pure function of
/// its <see cref="TrialConfig"/> (hyperparameters, epochs, seed and threads: the same ones give the same result
/// bit for bit), and runs of one seed often propose the same configuration (the GAN and its ablations share their
/// random start-up trials), so a configuration is trained once and its outcome handed to every run that asks for
/// it, marked <see cref="ComparisonMetricKeys.Reused"/>; its <c>wall_seconds</c> metric keeps what training took,
/// so each tuner is still charged the full cost of its trials.
/// </summary>
/// <remarks>Only this process's results are reused: the thread count is part of the configuration, and a resumed
/// comparison may split the threads differently from the run that stored the older trials.</remarks>
public sealed class TrialMemo
{
    private readonly ConcurrentDictionary<TrialConfig, Lazy<TrialOutcome>> _outcomes = new();

    /// <summary>The outcome of <paramref name="config"/>: computed by <paramref name="evaluate"/> the first time
    /// (a run asking while it is computed waits for it), reused afterwards. A failure to compute (cancellation
    /// included) is not kept.</summary>
    public TrialOutcome Evaluate(TrialConfig config, Func<TrialOutcome> evaluate)
    {
        var mine = new Lazy<TrialOutcome>(evaluate);
        var shared = _outcomes.GetOrAdd(config, mine);
        TrialOutcome outcome;
        try
        {
            outcome = shared.Value;
        }
        catch
        {
            _outcomes.TryRemove(new KeyValuePair<TrialConfig, Lazy<TrialOutcome>>(config, shared));
            throw;
        }

        return ReferenceEquals(shared, mine) ? outcome : Reused(outcome);
    }

    private static TrialOutcome Reused(TrialOutcome outcome)
    {
        var metrics = new Dictionary<string, double>(outcome.Metrics, StringComparer.Ordinal) { [ComparisonMetricKeys.Reused] = 1 };
        var reused = outcome.Succeeded ? TrialOutcome.Success(outcome.Value!.Value, metrics) : TrialOutcome.Failure(outcome.FailureReason!, metrics);
        return reused with { Attributes = outcome.Attributes };
    }
}
