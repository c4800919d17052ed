namespace GanTuner.Studies.Tune;

/// <summary>How a tune run ended.</summary>
public enum TuneStatus
{
    /// <summary>The budget is spent and the best trial's model is saved.</summary>
    Finished,

    /// <summary>Cancelled: the running trial is recorded as interrupted and runs again first next time.</summary>
    Interrupted,

    /// <summary>The budget is spent but no trial completed, so there is no best model.</summary>
    NoCompletedTrial,

    /// <summary>The best model was not kept and training it again failed.</summary>
    RetrainingFailed,
}
