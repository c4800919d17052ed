namespace GanTuner.Forecasting;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Trained for every epoch and scored.</summary>
    Ok,

    /// <summary>Stopped early (non-finite loss, invalid configuration, too little data, …); see the reason.</summary>
    Failed,

    /// <summary>Stopped because the caller's cancellation token fired.</summary>
    Cancelled,
}
