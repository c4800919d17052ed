namespace GanTuner.Storage;

/// <summary>Trial attribute names with a meaning shared by the study layer, the command line and reports.</summary>
public static class TrialAttributeKeys
{
    /// <summary>Why a Failed trial failed (free text, or <see cref="InterruptedReason"/>).</summary>
    public const string FailReason = "fail_reason";

    /// <summary>On a trial that re-evaluates an interrupted trial: that trial's number.</summary>
    public const string RetryOf = "retry_of";

    /// <summary>The <see cref="FailReason"/> of a trial whose process stopped before it finished: its
    /// configuration is evaluated again by a retry trial, so it counts as neither a result nor a failure.</summary>
    public const string InterruptedReason = "interrupted";

    /// <summary>On an interrupted trial: why it was interrupted (<see cref="StaleCause"/>, or absent for a
    /// worker that was stopped and said so).</summary>
    public const string InterruptedCause = "interrupted_cause";

    /// <summary>The <see cref="InterruptedCause"/> of a trial failed by another worker because its heartbeat stopped.</summary>
    public const string StaleCause = "stale_heartbeat";
}
