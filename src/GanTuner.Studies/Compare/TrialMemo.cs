using System.Collections.Concurrent;
using System.Text;
using GanTuner.Forecasting;
using GanTuner.Storage;
using GanTuner.Tuning.Comparison;
using GanTuner.Tuning.Pruners;
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
/// <remarks>
/// <para>Only this process's results are reused: the thread count is part of the configuration, and a resumed
/// comparison may split the threads differently from the run that stored the older trials.</para>
/// <para>Under a pruner a trial also depends on the study's finished trials (it is judged against their curves),
/// so the key then includes them (<see cref="History"/>), and a reused outcome replays its per-epoch losses
/// into the running trial: the store records the same curve and the pruner takes the same decisions as if the
/// trial had been trained again.</para>
/// </remarks>
public sealed class TrialMemo
{
    private readonly ConcurrentDictionary<(TrialConfig Config, string History), Lazy<Entry>> _outcomes = new();

    /// <summary>The outcome of <paramref name="config"/>: computed by <paramref name="evaluate"/> the first time
    /// (a run asking while it is computed waits for it), reused afterwards. A failure to compute (cancellation
    /// included) is not kept.</summary>
    public TrialOutcome Evaluate(TrialConfig config, Func<TrialOutcome> evaluate) => Evaluate(config, "", null, evaluate);

    /// <summary>As <see cref="Evaluate(TrialConfig, Func{TrialOutcome})"/>, for a trial that
    /// <paramref name="evaluate"/> runs inside <paramref name="trial"/> (whose per-epoch losses are kept with the
    /// outcome) after the finished trials that <paramref name="history"/> describes ("" when nothing judges it).</summary>
    public TrialOutcome Evaluate(TrialConfig config, string history, TrialContext? trial, Func<TrialOutcome> evaluate)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(evaluate);
        var mine = new Lazy<Entry>(() => new Entry(evaluate(), trial is null ? [] : [.. trial.IntermediateValues]));
        var key = (config, history);
        var shared = _outcomes.GetOrAdd(key, mine);
        Entry entry;
        try
        {
            entry = shared.Value;
        }
        catch
        {
            _outcomes.TryRemove(new KeyValuePair<(TrialConfig, string), Lazy<Entry>>(key, shared));
            throw;
        }

        if (ReferenceEquals(shared, mine))
        {
            return entry.Outcome;
        }

        foreach (var value in entry.Values)
        {
            _ = trial?.ShouldPrune(value);
        }

        return Reused(entry.Outcome);
    }

    /// <summary>What a pruner judges a new trial of the study against: every finished trial's state and curve, in order.</summary>
    public static string History(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var text = new StringBuilder();
        foreach (var t in trials.Where(t => t.State != TrialState.Running))
        {
            text.Append(t.State).Append(':').Append(t.Attributes.GetValueOrDefault(IntermediateValues.AttributeKey, "")).Append(';');
        }

        return text.ToString();
    }

    private static TrialOutcome Reused(TrialOutcome outcome)
    {
        var metrics = new Dictionary<string, double>(outcome.Metrics, StringComparer.Ordinal) { [ComparisonMetricKeys.Reused] = 1 };
        var reused = outcome.WasPruned ? TrialOutcome.Pruned(outcome.Value!.Value, outcome.PrunedAtEpoch!.Value, metrics)
            : outcome.Succeeded ? TrialOutcome.Success(outcome.Value!.Value, metrics)
            : TrialOutcome.Failure(outcome.FailureReason!, metrics);
        return reused with { Attributes = outcome.Attributes };
    }

    private sealed record Entry(TrialOutcome Outcome, double[] Values);
}
