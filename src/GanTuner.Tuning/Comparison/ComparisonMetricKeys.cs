namespace GanTuner.Tuning.Comparison;

/// <summary>Trial metrics a comparison reads when an objective records them.</summary>
public static class ComparisonMetricKeys
{
    /// <summary>The seconds the evaluation took as the objective measured it. Preferred to the stored trial's
    /// duration, which for a reused result is only the time to look it up.</summary>
    public const string WallSeconds = "wall_seconds";

    /// <summary>1 on a trial whose result was reused from an identical evaluation (same configuration and seed)
    /// of another run of the comparison rather than computed again.</summary>
    public const string Reused = "compare_reused";
}
