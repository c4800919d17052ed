using GanTuner.Storage;

namespace GanTuner.Tuning.Pruners;

/// <summary>Decides, after each epoch of a running trial, whether to stop it early (Optuna's BasePruner).</summary>
/// <remarks>A pruner sees the running trial's per-epoch losses and the study's finished trials, whose
/// curves the study layer records (<see cref="IntermediateValues"/>); it holds no state of its own, so any
/// worker of a study decides the same way from the same store.</remarks>
public interface IPruner
{
    /// <summary>The pruner's name as the command line spells it (median, asha).</summary>
    string Name { get; }

    /// <summary>Whether to stop the trial whose losses so far (epoch 1 first, lower is better) are
    /// <paramref name="values"/>, given the study's <paramref name="finished"/> trials.</summary>
    bool ShouldPrune(IReadOnlyList<double> values, IReadOnlyList<TrialRecord> finished);
}
