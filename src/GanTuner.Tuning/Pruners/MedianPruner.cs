using GanTuner.Storage;

namespace GanTuner.Tuning.Pruners;

/// <summary>Stops a trial whose best loss so far is worse than the median of the complete trials' losses
/// at the same epoch (Optuna's MedianPruner: percentile 50, no warm-up steps, one trial at that epoch
/// needed), once <see cref="StartupTrials"/> trials are complete.</summary>
public sealed class MedianPruner : IPruner
{
    public MedianPruner(int startupTrials = 5, int warmupEpochs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupEpochs);
        StartupTrials = startupTrials;
        WarmupEpochs = warmupEpochs;
    }

    public string Name => "median";

    /// <summary>Complete trials needed before anything is pruned.</summary>
    public int StartupTrials { get; }

    /// <summary>Epochs of a trial that are never judged.</summary>
    public int WarmupEpochs { get; }

    public bool ShouldPrune(IReadOnlyList<double> values, IReadOnlyList<TrialRecord> finished)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(finished);
        var epoch = values.Count;
        if (epoch == 0 || epoch <= WarmupEpochs)
        {
            return false;
        }

        var complete = finished.Where(t => t.State == TrialState.Complete).ToList();
        if (complete.Count < StartupTrials)
        {
            return false;
        }

        var best = values.Min();
        if (double.IsNaN(best) || values.Any(double.IsNaN))
        {
            return true;
        }

        var atEpoch = complete.Select(IntermediateValues.Of).Where(c => c.Count >= epoch && !double.IsNaN(c[epoch - 1]))
            .Select(c => c[epoch - 1]).ToList();
        return atEpoch.Count > 0 && best > Median(atEpoch);
    }

    // Linear interpolation between order statistics, as numpy's percentile (which Optuna uses).
    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = (values.Count - 1) / 2.0;
        var low = (int)Math.Floor(middle);
        var high = (int)Math.Ceiling(middle);
        return values[low] + ((values[high] - values[low]) * (middle - low));
    }
}
