using GanTuner.Storage;

namespace GanTuner.Tuning.Pruners;

/// <summary>Asynchronous successive halving (ASHA; Optuna's SuccessiveHalvingPruner): rungs at epochs
/// r·η^k (r = <see cref="MinResource"/>, η = <see cref="ReductionFactor"/>); a trial reaching a rung goes on
/// only if its loss there is among the best 1/η of the losses that trials reached at that rung.</summary>
/// <remarks>Optuna compares with every trial that reached the rung, running ones included; here the
/// competitors are the finished trials (complete or pruned) plus the trial itself, since only finished
/// trials' curves are in the store. With one worker the two agree.</remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    public SuccessiveHalvingPruner(int minResource = 1, int reductionFactor = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        MinResource = minResource;
        ReductionFactor = reductionFactor;
    }

    public string Name => "asha";

    public int MinResource { get; }

    public int ReductionFactor { get; }

    public bool ShouldPrune(IReadOnlyList<double> values, IReadOnlyList<TrialRecord> finished)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(finished);
        var epoch = values.Count;
        if (!IsRung(epoch))
        {
            return false;
        }

        var value = values[epoch - 1];
        if (double.IsNaN(value))
        {
            return true;
        }

        var competing = finished.Where(t => t.State is TrialState.Complete or TrialState.Pruned)
            .Select(IntermediateValues.Of).Where(c => c.Count >= epoch && !double.IsNaN(c[epoch - 1]))
            .Select(c => c[epoch - 1]).Append(value).Order().ToList();
        // Optuna's rule: the trial is promoted if it is no worse than the (n / η)-th best, or the best for n < η.
        var promotable = Math.Max(0, (competing.Count / ReductionFactor) - 1);
        return value > competing[promotable];
    }

    private bool IsRung(int epoch)
    {
        for (long rung = MinResource; rung <= epoch; rung *= ReductionFactor)
        {
            if (rung == epoch)
            {
                return true;
            }
        }

        return false;
    }
}
