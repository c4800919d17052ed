namespace GanTuner.Storage;

/// <summary>The life cycle of a trial: created Running, finished exactly once as one of the other states.</summary>
public enum TrialState
{
    Running,
    Complete,
    Failed,
    Pruned,
}
